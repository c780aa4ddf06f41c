from kpass.cli import main

raise SystemExit(main())
