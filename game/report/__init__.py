"""See docs/CONTRACTS.md for what this package holds."""
