#!/usr/bin/env python3
"""build_catalog.py -- compile the ICU resource bundles and package them into one common data file."""
import argparse
import os
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument('--genrb', required=True)
ap.add_argument('--icupkg', required=True)
ap.add_argument('--tmpdir', required=True, help='scratch directory for the .res files')
ap.add_argument('--output', required=True, help='the .dat file to write')
ap.add_argument('inputs', nargs='+', help='root.txt, en.txt, zh.txt, ...')
args = ap.parse_args()


def run(cmd):
    # genrb prints a file count even with -q: show its output only on failure
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout)
        sys.stderr.write('build_catalog.py: %s failed with status %d\n' % (os.path.basename(cmd[0]), r.returncode))
        sys.exit(1)


os.makedirs(args.tmpdir, exist_ok=True)
run([args.genrb, '-q', '-e', 'UTF-8', '-d', args.tmpdir] + args.inputs)
names = [os.path.splitext(os.path.basename(p))[0] + '.res' for p in args.inputs]
# icupkg reads a list only from a file whose name ends in .txt
listfile = os.path.join(args.tmpdir, 'catalog-list.txt')
with open(listfile, 'w') as f:
    f.write('\n'.join(names) + '\n')
if os.path.exists(args.output):
    os.remove(args.output)
run([args.icupkg, '-tl', '-s', args.tmpdir, '-a', listfile, 'new', args.output])
