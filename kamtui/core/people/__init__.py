"""Stakeholders and the decision map: the influence graph, paths to the people to win, and the org chart every front end walks; and our own people's names, matched one way."""
