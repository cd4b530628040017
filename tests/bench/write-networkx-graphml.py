"""Writes the GraphML file of issue 11 with networkx: N concepts, M links, 1/8 of them "mentions".

Usage: /usr/bin/python3 write-networkx-graphml.py OUT.graphml [CONCEPTS] [LINKS]
Deterministic (seeded), so every run measures the same file.
"""
import random
import sys

import networkx as nx

WORDS = (
    "pod node cluster mesh proxy store index cache queue stream shard replica volume "
    "gateway router broker ledger scheduler controller operator sidecar tracer metric "
    "vault policy secret image registry runtime kernel socket channel lease quorum"
).split()
RELATIONS = ["runs on", "stores data for", "uses", "depends on", "part of", "implements", "replaces"]

out = sys.argv[1]
concepts = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
links = int(sys.argv[3]) if len(sys.argv) > 3 else 250_000
rng = random.Random(42)
g = nx.DiGraph()
for i in range(concepts):
    g.add_node(
        f"c{i}",
        label=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}",
        category=f"Category {i % 20}",
        description=f"A {rng.choice(WORDS)} that talks to a {rng.choice(WORDS)}.",
    )
made = 0
while made < links:
    s = rng.randrange(concepts)
    t = int(rng.random() ** 2 * concepts)
    if s == t or g.has_edge(f"c{s}", f"c{t}"):
        continue
    # Every eighth link is "mentions": 31,250 of 250,000, as in issue 11.
    relation = "mentions" if made % 8 == 0 else rng.choice(RELATIONS)
    g.add_edge(f"c{s}", f"c{t}", relation=relation)
    made += 1
nx.write_graphml(g, out)
print(g.number_of_nodes(), g.number_of_edges())
