"""``python -m cli``: the same as the ``perspectives`` console script."""

from cli import main

raise SystemExit(main())
