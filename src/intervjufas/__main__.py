"""Entry point for ``python -m intervjufas``."""

from intervjufas.cli import main

if __name__ == "__main__":
    main()
