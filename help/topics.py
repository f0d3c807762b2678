#!/usr/bin/env python3
"""topics.py -- every help topic (help/LANG/*.txt) built into the program, with no list to keep.

core/embed.py embeds the files; this gives it every *.txt of every language folder and writes a
depfile naming those folders, so that a topic added or removed is noticed by the next ninja (a
folder's time changes when a file is added to it), without a reconfigure."""
import os
import subprocess
import sys

if len(sys.argv) != 5:
    sys.exit('usage: topics.py EMBED_PY HELP_DIR OUTPUT DEPFILE')
embed, base, output, depfile = sys.argv[1:]
dirs = sorted(os.path.join(base, d) for d in os.listdir(base) if os.path.isdir(os.path.join(base, d)))
files = sorted(os.path.join(d, n) for d in dirs for n in os.listdir(d)
               if n.endswith('.txt') and not n.startswith('.'))
subprocess.run([sys.executable, embed, '--name', 'help_files', '--base', base, '--output', output] + files,
               check=True)
with open(depfile, 'w') as f:
    f.write('%s: %s\n' % (output.replace(' ', '\\ '), ' '.join(p.replace(' ', '\\ ') for p in dirs + files)))
