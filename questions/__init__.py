"""The built-in question sets (YAML files), shipped inside the package."""
