"""Figures: an account's scores and flags, its record, ABC tiers and Pareto, the portfolio analysis (fresh and incremental), and the contact rules of the living plan."""
