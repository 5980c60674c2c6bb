from tui_guide.cli.main import main

raise SystemExit(main())
