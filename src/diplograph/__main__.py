from diplograph.cli import run

run()
