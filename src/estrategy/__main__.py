"""``python -m estrategy``: the same as the ``estrategy`` command."""

from estrategy.cli import main

if __name__ == "__main__":
    main(prog_name="estrategy")
