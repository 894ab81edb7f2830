"""RightsPath: a simulation game that trains professionals who meet child victims of crime."""

__version__ = "0.1.0"
