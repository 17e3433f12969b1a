"""Rulesets: the YAML language, its compiler, and the matchers that run it."""
