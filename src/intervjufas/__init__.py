"""intervjufas: map the interview phase of a recruitment assignment and follow up the action plan."""

__version__ = "1.0.0"
