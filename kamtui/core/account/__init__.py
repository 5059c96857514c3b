"""One account file: the format's models and JSON Schema, YAML read with positions, the checks across an account's parts, and the messages people read."""
