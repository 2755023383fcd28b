"""What the CLI integration scripts share: named checks that print ok/FAIL and are
counted, the `kiemdem` command run in English with its output captured, and the exit
status the checks add up to.

    from cli_checks import Checks
    t = Checks(sys.argv[1])
    t.check("db init", t.run("db", "init", "--db", db).returncode == 0)
    t.finish()
"""
import subprocess
import sys


class Checks:
    def __init__(self, kiemdem):
        self.kiemdem = kiemdem
        self.failures = []

    def check(self, name, cond, detail=""):
        print(("ok   " if cond else "FAIL ") + name + (f": {detail}" if detail and not cond else ""))
        if not cond:
            self.failures.append(name)

    def run(self, *args, **kw):
        return subprocess.run([self.kiemdem, "--lang", "en", *args], capture_output=True, text=True, **kw)

    def finish(self):
        print(f"{len(self.failures)} failed")
        sys.exit(1 if self.failures else 0)
