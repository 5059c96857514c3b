"""Git and review: an account as facts, changes in meaning between two versions, what git holds, the history of scores, and setting a repository up for kamtui."""
