"""Platform adapters: a platform's webhook in, a canonical event out.

Shipped as ``intimacy_rules.adapters``.
"""
