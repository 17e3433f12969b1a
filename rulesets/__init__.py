"""The default rulesets shipped with intimacy-rules, as package data (``intimacy_rules.rulesets``)."""
