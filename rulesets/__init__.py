"""The default rulesets shipped with intimacy-rules, as package data.

Shipped as ``intimacy_rules.rulesets``.
"""
