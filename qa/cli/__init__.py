"""The command-line shells, one module per command, each a thin layer over library functions. Nothing outside
this folder imports from it except the `python -m qa.<command>` entry points."""
