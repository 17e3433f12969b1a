"""The message analyzer: text in, ``MessageAnalysis`` out. Pure and deterministic."""
