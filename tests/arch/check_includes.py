#!/usr/bin/env python3
"""Checks that the library's stages include only downward (tests/arch/stages.txt).

    check_includes.py SOURCE_DIR

Every #include "..." of every file under lib/src/<stage>/ and of every public
header is resolved to the stage it belongs to; an include of a later stage,
a "../" include, a folder or public header that no stage owns, and a stage
folder that does not exist are each printed as `file:line: message`. Exit 1
when anything is printed.
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def main():
    root = sys.argv[1]
    order, header_stage = {}, {}
    with open(os.path.join(root, "tests/arch/stages.txt")) as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if not line:
                continue
            order[line[0]] = len(order)
            for h in line[1:]:
                header_stage[h] = line[0]
    src = os.path.join(root, "lib/src")
    inc = os.path.join(root, "lib/include/logcorr")
    problems = []

    def stage_of_include(path):
        if path.startswith("logcorr/"):
            return header_stage.get(path[len("logcorr/"):]), "public header"
        if "/" in path:
            return (path.split("/", 1)[0] if path.split("/", 1)[0] in order else None), "folder"
        return "", "same folder"

    def check(file, stage):
        rel = os.path.relpath(file, root)
        with open(file, encoding="utf-8", errors="replace") as f:
            for n, text in enumerate(f, 1):
                m = INCLUDE.match(text)
                if not m:
                    continue
                path = m.group(1)
                if path.startswith("../") or "/../" in path:
                    problems.append(f"{rel}:{n}: \"{path}\" climbs out of its folder; "
                                    "include stages by their folder name")
                    continue
                target, what = stage_of_include(path)
                if target == "":
                    continue  # a file of the same folder
                if target is None:
                    problems.append(f"{rel}:{n}: \"{path}\": no stage owns this {what} "
                                    "(add it to tests/arch/stages.txt)")
                elif order[target] > order[stage]:
                    problems.append(f"{rel}:{n}: stage '{stage}' includes \"{path}\" of the "
                                    f"later stage '{target}'")

    for name in sorted(os.listdir(src)):
        if not os.path.isdir(os.path.join(src, name)):
            continue
        if name not in order:
            problems.append(f"lib/src/{name}: a folder that is no stage of tests/arch/stages.txt")
            continue
        for dirpath, _, files in os.walk(os.path.join(src, name)):
            for fn in sorted(files):
                if fn.endswith((".cpp", ".hpp", ".h", ".inc")):
                    check(os.path.join(dirpath, fn), name)
    for stage in order:
        if not os.path.isdir(os.path.join(src, stage)):
            problems.append(f"tests/arch/stages.txt: stage '{stage}' has no folder lib/src/{stage}")
    for fn in sorted(os.listdir(inc)):
        if not fn.endswith(".hpp") or fn == "logcorr.hpp":
            continue
        if fn not in header_stage:
            problems.append(f"lib/include/logcorr/{fn}: no stage owns this public header")
            continue
        check(os.path.join(inc, fn), header_stage[fn])
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} include(s) against the stage order (tests/arch/stages.txt)")
        return 1
    print(f"ok: {len(order)} stages, every include points down")
    return 0


if __name__ == "__main__":
    sys.exit(main())
