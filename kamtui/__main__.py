from kamtui.cli import main

main()
