"""Entry point for ``python -m intervjufas``."""

from intervjufas.cli.main import main

if __name__ == "__main__":
    main()
