"""Fault-injection tests: kill points, half-typed text, races, storage faults, hostile files and odd streams."""
