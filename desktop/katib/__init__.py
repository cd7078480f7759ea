"""Katib (كاتب, "the clerk"): drafts and summarizes administrative documents offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("katib")
except PackageNotFoundError:  # running from a checkout without an install
    __version__ = "0.0.0+checkout"
