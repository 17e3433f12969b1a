"""Platform adapters: a platform's webhook in, a canonical event out (``intimacy_rules.adapters``)."""
