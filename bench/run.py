#!/usr/bin/env python3
"""Measure pysec's scan throughput on synthetic repositories.

For each size N it generates (or reuses) a repository with generate.py, runs

    pysec scan DIR --format json --output /dev/null --fail-on never

--repeat times, each in a fresh child process, and records wall time
(time.perf_counter around the child), peak RSS and CPU time (wait4's rusage
of that child alone, taken by the small launcher pysec-bench-spawn). As a
baseline it runs pysec-parse-only, which loads the same repository's YAML
files with yaml-cpp's YAML::Load and nothing else. It prints a Markdown
table and writes it to OUT/results.md (and OUT/results-fs.md or
OUT/results-git.md), with the raw numbers in OUT/results-*.json.

It builds nothing: build first (see bench/README.md). Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
PROJECT_DIR = os.path.dirname(BENCH_DIR)
GENERATOR = os.path.join(BENCH_DIR, "generate.py")
MIB = 1024 * 1024
MB = 1_000_000

sys.path.insert(0, BENCH_DIR)
import generate  # noqa: E402  (the generator is a sibling module)


def log(message: str) -> None:
    print(f"run.py: {message}", file=sys.stderr, flush=True)


def generator_digest() -> str:
    with open(GENERATOR, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:10]


def corpus_for(corpus_root: str, count: int, seed: int, git: bool) -> tuple[str, dict]:
    """The repository for (N, seed, git), generated once and reused while generate.py is unchanged."""
    name = f"n{count}-s{seed}{'-git' if git else ''}-g{generator_digest()}"
    directory = os.path.join(corpus_root, name)
    manifest_path = directory + ".manifest.json"
    if os.path.exists(manifest_path) and os.path.isdir(directory):
        with open(manifest_path, encoding="utf-8") as handle:
            return directory, json.load(handle)
    if os.path.exists(directory):
        shutil.rmtree(directory)  # an interrupted generation
    os.makedirs(corpus_root, exist_ok=True)
    log(f"generating {directory}")
    started = time.perf_counter()
    written = generate.generate(directory, count, seed)
    if git:
        generate.make_git_repository(directory)
    log(f"generated in {time.perf_counter() - started:.1f} s")
    with open(manifest_path + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(written, handle, indent=1)
    os.replace(manifest_path + ".tmp", manifest_path)
    return directory, written


def inside_git_repository(directory: str) -> str | None:
    """The enclosing repository's top level, or None (also when git is missing)."""
    git = shutil.which("git")
    if not git:
        return None
    result = subprocess.run([git, "-C", directory, "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else None


class Child:
    """One finished child process: exit code, wall seconds, peak RSS and CPU seconds.

    The child is started through pysec-bench-spawn, which forks it from a small
    process and reports its rusage: a child forked from Python itself would
    report Python's own peak RSS as a floor (Linux keeps ru_maxrss across
    exec), which hides the real peak of anything smaller than this script.
    """

    spawn = ""  # set by main()

    def __init__(self, argv: list[str], stdin_path: str | None, stdout_path: str, stderr_path: str) -> None:
        usage_path = stdout_path + ".rusage"
        if os.path.exists(usage_path):
            os.remove(usage_path)
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        with open(stdout_path, "wb") as stdout, open(stderr_path, "wb") as stderr:
            started = time.perf_counter()
            process = subprocess.Popen([Child.spawn, usage_path, *argv], stdin=stdin, stdout=stdout, stderr=stderr)
            _, status, _ = os.wait4(process.pid, 0)
            self.wall = time.perf_counter() - started
        if stdin_path:
            stdin.close()
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4; tell Popen
        self.stdout_path = stdout_path
        self.stderr_path = stderr_path
        usage = {}
        if os.path.exists(usage_path):
            with open(usage_path, encoding="utf-8") as handle:
                usage = dict(line.split() for line in handle if line.strip())
        self.returncode = int(usage.get("exit", process.returncode or 127))
        self.max_rss_bytes = int(usage.get("maxrss_kib", 0)) * 1024  # KiB on Linux
        self.user = float(usage.get("user", 0))
        self.system = float(usage.get("system", 0))

    def check(self, what: str) -> None:
        if self.returncode != 0:
            with open(self.stderr_path, encoding="utf-8", errors="replace") as handle:
                tail = handle.read()[-2000:]
            sys.exit(f"run.py: {what} exited with {self.returncode}:\n{tail}")


def measure(commands: dict[str, tuple[list[str], str | None]], repeat: int, work: str) -> dict[str, list[Child]]:
    """Runs each command `repeat` times, alternating between them, so that a burst of load from
    another process on the machine slows both sides of the comparison rather than one."""
    runs: dict[str, list[Child]] = {label: [] for label in commands}
    for index in range(repeat):
        for label, (argv, stdin_path) in commands.items():
            child = Child(argv, stdin_path, os.path.join(work, f"{label}.stdout"),
                          os.path.join(work, f"{label}.stderr"))
            child.check(f"{label} (run {index + 1})")
            log(f"  {label} run {index + 1}/{repeat}: {child.wall:.3f} s, {child.max_rss_bytes / MIB:.1f} MiB")
            runs[label].append(child)
    return runs


def summarise(runs: list[Child]) -> dict:
    walls = [run.wall for run in runs]
    best = min(runs, key=lambda run: run.wall)
    return {
        "wall_best": best.wall,
        "wall_median": statistics.median(walls),
        "walls": walls,
        "user_best": best.user,
        "system_best": best.system,
        "max_rss_bytes": max(run.max_rss_bytes for run in runs),
    }


def benchmark_size(args, count: int) -> dict:
    directory, written = corpus_for(args.corpus, count, args.seed, args.git)
    enclosing = inside_git_repository(directory)
    if args.git and enclosing != os.path.realpath(directory):
        sys.exit(f"run.py: {directory} should be its own git repository, but git says {enclosing!r}")
    if not args.git and enclosing:
        # pysec would discover the enclosing repository and scan only its tracked files.
        sys.exit(f"run.py: {directory} is inside the git repository {enclosing}; pysec would scan that "
                 "repository's tracked files instead of the corpus. Pass --corpus outside any repository.")

    collected = written["workflows"] + written["dependencies"]
    yaml_files = [path for path in collected if path.endswith((".yml", ".yaml"))]
    collected_bytes = sum(os.path.getsize(os.path.join(directory, path)) for path in collected)
    yaml_bytes = sum(os.path.getsize(os.path.join(directory, path)) for path in yaml_files)
    workflow_sizes = sorted(os.path.getsize(os.path.join(directory, path)) for path in written["workflows"])

    work = os.path.join(args.out, f"n{count}-{'git' if args.git else 'fs'}")
    os.makedirs(work, exist_ok=True)
    yaml_list = os.path.join(work, "yaml-files.txt")
    with open(yaml_list, "w", encoding="utf-8") as handle:
        handle.writelines(os.path.join(directory, path) + "\n" for path in yaml_files)

    # A first scan, untimed: warms the page cache and checks that pysec saw every file.
    report_path = os.path.join(work, "report.json")
    scan = [args.pysec, "scan", directory, "--format", "json", "--fail-on", "never"]
    check = Child(scan + ["--output", report_path], None, os.path.join(work, "check.stdout"),
                  os.path.join(work, "check.stderr"))
    check.check("pysec scan (check run)")
    with open(report_path, encoding="utf-8") as handle:
        report = json.load(handle)
    files_scanned = report["summary"]["files_scanned"]
    if files_scanned != len(collected):
        sys.exit(f"run.py: pysec scanned {files_scanned} files of {directory}, expected {len(collected)} "
                 f"(notices: {report.get('notices')})")
    by_rule: dict[str, int] = {}
    for finding in report["findings"]:
        rule = finding["rule"]
        by_rule[rule] = by_rule.get(rule, 0) + 1

    log(f"N={count}: {len(collected)} files, {collected_bytes / MB:.2f} MB, "
        f"{report['summary']['total']} findings")
    parse_check = Child([args.parse_only], yaml_list, os.path.join(work, "parse.stdout"),
                        os.path.join(work, "parse.stderr"))
    parse_check.check("pysec-parse-only (check run)")
    runs = measure({"scan": (scan + ["--output", os.devnull], None), "parse-only": ([args.parse_only], yaml_list)},
                   args.repeat, work)
    scan_runs, parse_runs = runs["scan"], runs["parse-only"]

    return {
        "n": count,
        "mode": "git" if args.git else "fs",
        "corpus": directory,
        "files": len(collected),
        "bytes": collected_bytes,
        "yaml_files": len(yaml_files),
        "yaml_bytes": yaml_bytes,
        "workflow_bytes": {"min": workflow_sizes[0], "median": statistics.median(workflow_sizes),
                           "max": workflow_sizes[-1]} if workflow_sizes else {},
        "findings": report["summary"]["total"],
        "findings_by_rule": dict(sorted(by_rule.items())),
        "notices": report.get("notices", []),
        "scan": summarise(scan_runs),
        "parse_only": summarise(parse_runs),
    }


def table(results: list[dict], repeat: int) -> str:
    header = ("| N | files | MB | scan wall s | files/s | MB/s | peak RSS MiB | parse-only wall s | parse-only MB/s "
              "| scan/parse |")
    lines = [header, "|" + "---:|" * 10]
    for result in results:
        scan, parse = result["scan"], result["parse_only"]
        wall = scan["wall_best"]
        lines.append(
            f"| {result['n']:,} | {result['files']:,} | {result['bytes'] / MB:.1f} "
            f"| {wall:.3f} ({scan['wall_median']:.3f}) | {result['files'] / wall:,.0f} "
            f"| {result['bytes'] / MB / wall:.1f} | {scan['max_rss_bytes'] / MIB:.1f} "
            f"| {parse['wall_best']:.3f} ({parse['wall_median']:.3f}) "
            f"| {result['yaml_bytes'] / MB / parse['wall_best']:.1f} | {wall / parse['wall_best']:.2f} |")
    lines.append("")
    lines.append(f"Wall times: best of {repeat} (median in parentheses); files/s, MB/s and the ratio use the best. "
                 "MB = 10^6 bytes of the files pysec collects (workflows and dependency files); parse-only MB/s "
                 "counts the YAML files only (workflows, dependabot.yml, .pre-commit-config.yaml), which is "
                 "all it is given.")
    lines.append("")
    lines.append("| N | scan user s | scan sys s | parse-only user s | parse-only peak RSS MiB | findings |")
    lines.append("|" + "---:|" * 6)
    for result in results:
        scan, parse = result["scan"], result["parse_only"]
        lines.append(f"| {result['n']:,} | {scan['user_best']:.3f} | {scan['system_best']:.3f} "
                     f"| {parse['user_best']:.3f} | {parse['max_rss_bytes'] / MIB:.1f} | {result['findings']:,} |")
    return "\n".join(lines) + "\n"


def describe_machine(pysec: str) -> list[str]:
    lines = []
    version = subprocess.run([pysec, "--version"], capture_output=True, text=True).stdout.strip()
    lines.append(f"- pysec: `{version}` ({pysec})")
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    lines.append(f"- CPU: {cpu}, {os.cpu_count()} logical CPUs; {platform.system()} {platform.release()}")
    cache = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(pysec))), "CMakeCache.txt")
    if not os.path.exists(cache):
        cache = os.path.join(os.path.dirname(os.path.abspath(pysec)), "CMakeCache.txt")
    if os.path.exists(cache):
        settings = {}
        with open(cache, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                for key in ("CMAKE_BUILD_TYPE", "CMAKE_CXX_COMPILER"):
                    if line.startswith(key + ":"):
                        settings[key] = line.split("=", 1)[1].strip()
        compiler = settings.get("CMAKE_CXX_COMPILER", "")
        compiler_version = ""
        if compiler:
            output = subprocess.run([compiler, "--version"], capture_output=True, text=True).stdout
            compiler_version = output.splitlines()[0] if output else ""
        lines.append(f"- build: {settings.get('CMAKE_BUILD_TYPE', '?')}, {compiler_version or compiler}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pysec", default=os.path.join(PROJECT_DIR, "build-bench", "pysec"))
    parser.add_argument("--parse-only", default=os.path.join(PROJECT_DIR, "build-bench", "bench", "pysec-parse-only"))
    parser.add_argument("--spawn", default=os.path.join(PROJECT_DIR, "build-bench", "bench", "pysec-bench-spawn"),
                        help="the launcher that measures each child's peak RSS (built with the benchmark helpers)")
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated workflow counts")
    parser.add_argument("--out", default=os.path.join(BENCH_DIR, "out"), help="results (default bench/out)")
    parser.add_argument("--corpus", default=os.path.join(tempfile.gettempdir(), "pysec-bench-corpus"),
                        help="where generated repositories are cached; must not be inside a git repository "
                             "(default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement (default 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--git", action="store_true",
                        help="make each corpus a git repository, so pysec reads it through libgit2")
    args = parser.parse_args()
    try:
        sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error("--sizes takes comma-separated integers")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    for path, what in ((args.pysec, "--pysec"), (args.parse_only, "--parse-only"), (args.spawn, "--spawn")):
        if not os.access(path, os.X_OK):
            parser.error(f"{what} {path} is not an executable; build first:\n"
                         f"  cmake -S {PROJECT_DIR} -B {PROJECT_DIR}/build-bench -DCMAKE_BUILD_TYPE=Release "
                         f"-DPYSEC_BUILD_TESTS=OFF && cmake --build {PROJECT_DIR}/build-bench -j2")
    args.pysec = os.path.abspath(args.pysec)
    args.parse_only = os.path.abspath(args.parse_only)
    Child.spawn = os.path.abspath(args.spawn)
    args.out = os.path.abspath(args.out)
    args.corpus = os.path.abspath(args.corpus)
    os.makedirs(args.out, exist_ok=True)

    load_before = os.getloadavg()
    results = [benchmark_size(args, count) for count in sizes]
    load_after = os.getloadavg()
    mode = "git" if args.git else "fs"
    source = ("a git work tree (libgit2)" if args.git
              else "a plain directory (file-system walk, 'not inside a git repository' notice)")
    text = "\n".join([
        f"# pysec scan benchmark ({mode})",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')}; corpus: {source}, seed {args.seed}.",
        "",
        *describe_machine(args.pysec),
        f"- load average (1, 5, 15 min) before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}; "
        f"after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f} (the benchmark itself keeps one "
        "CPU busy)",
        "",
        table(results, args.repeat),
    ])
    print(text)
    for name in ("results.md", f"results-{mode}.md"):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    with open(os.path.join(args.out, f"results-{mode}.json"), "w", encoding="utf-8") as handle:
        json.dump({"seed": args.seed, "repeat": args.repeat, "results": results}, handle, indent=1)
    log(f"wrote {os.path.join(args.out, 'results.md')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
