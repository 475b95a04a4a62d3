"""Allows ``python -m hanhchinh_docs``."""

from hanhchinh_docs.cli.main import main

main()
