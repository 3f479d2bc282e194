//! Analytics: the petgraph projection of the store in (see [`crate::export::project`]), filtered
//! views, paths, neighbourhoods, rankings and dyad tables out.
//!
//! Connectivity questions ("how is Iran connected to Venezuela", "who sits at the centre") ignore
//! the direction of relations; the edges keep it for display.

use crate::export::{Edge, Node};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use std::collections::{HashMap, HashSet, VecDeque};

/// Which part of the graph to look at. Empty lists and `None` mean no restriction.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Keep edges whose date range meets [from, to] (YYYY[-MM[-DD]]); undated edges are kept.
    pub from: Option<String>,
    pub to: Option<String>,
    pub relations: Vec<String>,
    pub quad_classes: Vec<u8>,
    /// Entity types (Country, Person, Organization, City, Region) both ends must have.
    pub types: Vec<String>,
    pub min_evidence: u32,
}

fn prefix_le(a: &str, b: &str) -> bool {
    let n = a.len().min(b.len());
    a[..n] <= b[..n]
}

impl Filter {
    /// Whether the filter keeps an edge (relation, QuadClass, evidence, date range).
    pub fn keeps(&self, e: &Edge) -> bool {
        let in_range = match (&self.from, &e.last) {
            (Some(f), Some(l)) => prefix_le(f, l),
            _ => true,
        } && match (&self.to, &e.first) {
            (Some(t), Some(fst)) => prefix_le(fst, t),
            _ => true,
        };
        in_range
            && (self.relations.is_empty() || self.relations.contains(&e.relation))
            && (self.quad_classes.is_empty() || e.quad_class.is_some_and(|q| self.quad_classes.contains(&q)))
            && e.evidence >= self.min_evidence
    }

    /// Whether the filter keeps an entity (its type).
    pub fn keeps_node(&self, n: &Node) -> bool {
        self.types.is_empty() || self.types.iter().any(|t| t.eq_ignore_ascii_case(&n.etype))
    }
}

/// The subgraph of edges the filter keeps, without nodes left alone.
pub fn filter(g: &DiGraph<Node, Edge>, f: &Filter) -> DiGraph<Node, Edge> {
    let mut out = DiGraph::new();
    let mut map = HashMap::new();
    for e in g.edge_references() {
        let (a, b) = (e.source(), e.target());
        if !f.keeps(e.weight()) || !f.keeps_node(&g[a]) || !f.keeps_node(&g[b]) {
            continue;
        }
        let na = *map.entry(a).or_insert_with(|| out.add_node(g[a].clone()));
        let nb = *map.entry(b).or_insert_with(|| out.add_node(g[b].clone()));
        out.add_edge(na, nb, e.weight().clone());
    }
    out
}

/// The node whose IRI, label or id (the IRI's last segment) is `name`, case-insensitively.
pub fn find(g: &DiGraph<Node, Edge>, name: &str) -> Option<NodeIndex> {
    g.node_indices().find(|&i| {
        let n = &g[i];
        n.iri == name || n.label.eq_ignore_ascii_case(name) || n.iri.rsplit('/').next().is_some_and(|id| id.eq_ignore_ascii_case(name))
    })
}

/// The ego network of `center`: every node within `depth` hops, either direction, and the edges
/// among them.
pub fn ego(g: &DiGraph<Node, Edge>, center: NodeIndex, depth: usize) -> DiGraph<Node, Edge> {
    let mut dist = HashMap::from([(center, 0usize)]);
    let mut queue = VecDeque::from([center]);
    while let Some(n) = queue.pop_front() {
        if dist[&n] == depth {
            continue;
        }
        for m in g.neighbors_undirected(n) {
            if !dist.contains_key(&m) {
                dist.insert(m, dist[&n] + 1);
                queue.push_back(m);
            }
        }
    }
    let mut out = DiGraph::new();
    let mut map = HashMap::new();
    let mut keep: Vec<NodeIndex> = dist.keys().copied().collect();
    keep.sort();
    for n in keep {
        map.insert(n, out.add_node(g[n].clone()));
    }
    for e in g.edge_references() {
        if let (Some(&a), Some(&b)) = (map.get(&e.source()), map.get(&e.target())) {
            out.add_edge(a, b, e.weight().clone());
        }
    }
    out
}

/// One hop of a path: from, the edge (in its own direction), to.
pub type Hop = (NodeIndex, EdgeIndex, NodeIndex);

/// Up to `k` shortest paths from `a` to `b` with at most `max_hops` hops, either direction; each
/// hop takes the best-supported edge between its two entities. Shorter first, then better
/// supported.
pub fn paths(g: &DiGraph<Node, Edge>, a: NodeIndex, b: NodeIndex, max_hops: usize, k: usize) -> Vec<Vec<Hop>> {
    if a == b || max_hops == 0 {
        return Vec::new();
    }
    // The undirected simple graph of who is related to whom, with the best edge per pair.
    let mut best: HashMap<(NodeIndex, NodeIndex), EdgeIndex> = HashMap::new();
    for e in g.edge_references() {
        let key = (e.source().min(e.target()), e.source().max(e.target()));
        let better = best.get(&key).is_none_or(|&old| g[old].evidence < e.weight().evidence);
        if better {
            best.insert(key, e.id());
        }
    }
    let mut u: UnGraph<(), ()> = UnGraph::with_capacity(g.node_count(), best.len());
    for _ in g.node_indices() {
        u.add_node(());
    }
    for &(x, y) in best.keys() {
        u.add_edge(x, y, ());
    }
    let mut found: Vec<Vec<NodeIndex>> = petgraph::algo::all_simple_paths::<Vec<_>, _, std::hash::RandomState>(&u, a, b, 0, Some(max_hops - 1)).collect();
    let support = |p: &Vec<NodeIndex>| -> u32 {
        p.windows(2).map(|w| g[best[&(w[0].min(w[1]), w[0].max(w[1]))]].evidence).sum()
    };
    found.sort_by(|p, q| p.len().cmp(&q.len()).then(support(q).cmp(&support(p))).then(p.cmp(q)));
    found
        .into_iter()
        .take(k)
        .map(|p| {
            p.windows(2)
                .map(|w| {
                    let e = best[&(w[0].min(w[1]), w[0].max(w[1]))];
                    (w[0], e, w[1])
                })
                .collect()
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Centrality {
    Degree,
    Pagerank,
    Betweenness,
}

/// Every node's score, highest first (ties by label).
pub fn rank(g: &DiGraph<Node, Edge>, by: Centrality) -> Vec<(NodeIndex, f64)> {
    let scores: Vec<f64> = match by {
        Centrality::Degree => g.node_indices().map(|n| g.neighbors_undirected(n).collect::<HashSet<_>>().len() as f64).collect(),
        Centrality::Pagerank => petgraph::algo::page_rank(g, 0.85_f64, 100),
        Centrality::Betweenness => betweenness(g),
    };
    let mut out: Vec<(NodeIndex, f64)> = g.node_indices().zip(scores).collect();
    out.sort_by(|x, y| y.1.partial_cmp(&x.1).unwrap_or(std::cmp::Ordering::Equal).then_with(|| g[x.0].label.cmp(&g[y.0].label)));
    out
}

/// Betweenness centrality of the undirected simple graph (Brandes' algorithm), not normalised:
/// for each node, the number of shortest paths between other pairs that pass through it (each
/// unordered pair counted once). petgraph has no betweenness; the algorithm is short enough to
/// keep here rather than pull in a second graph crate with its own petgraph version.
pub fn betweenness(g: &DiGraph<Node, Edge>) -> Vec<f64> {
    let n = g.node_count();
    let adj: Vec<Vec<usize>> = g
        .node_indices()
        .map(|v| {
            let mut a: Vec<usize> = g.neighbors_undirected(v).map(|m| m.index()).collect();
            a.sort();
            a.dedup();
            a
        })
        .collect();
    let mut cb = vec![0.0; n];
    for s in 0..n {
        let mut stack = Vec::new();
        let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0; n];
        let mut dist = vec![-1i64; n];
        sigma[s] = 1.0;
        dist[s] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in &adj[v] {
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    pred[w].push(v);
                }
            }
        }
        let mut delta = vec![0.0; n];
        while let Some(w) = stack.pop() {
            for &v in &pred[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                cb[w] += delta[w];
            }
        }
    }
    cb.iter().map(|x| x / 2.0).collect()
}

/// Cooperation and conflict between two actors, the table event-data researchers build first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dyad {
    pub a: NodeIndex,
    pub b: NodeIndex,
    /// Events (statements) of QuadClass 1 and 2, and their Goldstein sum.
    pub cooperation: u32,
    pub cooperation_goldstein: f64,
    /// Events of QuadClass 3 and 4, and their Goldstein sum.
    pub conflict: u32,
    pub conflict_goldstein: f64,
}

/// One row per unordered pair with at least one event, most events first.
pub fn dyads(g: &DiGraph<Node, Edge>) -> Vec<Dyad> {
    let mut table: HashMap<(NodeIndex, NodeIndex), Dyad> = HashMap::new();
    for e in g.edge_references() {
        let w = e.weight();
        let Some(q) = w.quad_class else { continue };
        if w.symmetric && e.source() > e.target() {
            continue; // the store holds both directions of a symmetric relation
        }
        let (a, b) = (e.source().min(e.target()), e.source().max(e.target()));
        let d = table.entry((a, b)).or_insert(Dyad { a, b, ..Dyad::default() });
        let events = w.statements.max(1);
        let gs = w.goldstein.unwrap_or(0.0) * f64::from(events);
        if q <= 2 {
            d.cooperation += events;
            d.cooperation_goldstein += gs;
        } else {
            d.conflict += events;
            d.conflict_goldstein += gs;
        }
    }
    let mut rows: Vec<Dyad> = table.into_values().collect();
    rows.sort_by(|x, y| (y.cooperation + y.conflict).cmp(&(x.cooperation + x.conflict)).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small graph worked out by hand:
    ///
    /// ```text
    ///   A --meets--> B --attacks--> C --visits--> D        E --praises--> A
    ///   A --sanctions--> C (2 events)
    /// ```
    fn graph() -> (DiGraph<Node, Edge>, Vec<NodeIndex>) {
        let mut g = DiGraph::new();
        let ids: Vec<NodeIndex> = ["A", "B", "C", "D", "E"]
            .iter()
            .map(|l| g.add_node(Node { iri: format!("https://w3id.org/geokg/entity/{}", l.to_lowercase()), label: l.to_string(), etype: "Country".into(), ..Node::default() }))
            .collect();
        let e = |rel: &str, q: u8, gs: f64, n: u32, date: &str, sym: bool| Edge {
            relation: rel.into(),
            quad_class: Some(q),
            goldstein: Some(gs),
            evidence: n,
            statements: n,
            first: Some(date.into()),
            last: Some(date.into()),
            symmetric: sym,
            ..Edge::default()
        };
        g.add_edge(ids[0], ids[1], e("meetsWith", 1, 1.0, 1, "2024-01", true));
        g.add_edge(ids[1], ids[0], e("meetsWith", 1, 1.0, 1, "2024-01", true));
        g.add_edge(ids[1], ids[2], e("attacks", 4, -10.0, 3, "2024-02", false));
        g.add_edge(ids[2], ids[3], e("visits", 1, 1.9, 1, "2024-03", false));
        g.add_edge(ids[4], ids[0], e("praises", 1, 3.4, 1, "2023-12", false));
        g.add_edge(ids[0], ids[2], e("sanctions", 4, -8.0, 2, "2024-02", false));
        (g, ids)
    }

    #[test]
    fn shortest_paths_ignore_direction_and_prefer_support() {
        let (g, n) = graph();
        let ps = paths(&g, n[4], n[3], 4, 3);
        // E-A-C-D (3 hops) before E-A-B-C-D (4 hops).
        let nodes: Vec<Vec<&str>> = ps.iter().map(|p| std::iter::once(p[0].0).chain(p.iter().map(|h| h.2)).map(|i| g[i].label.as_str()).collect()).collect();
        assert_eq!(nodes, vec![vec!["E", "A", "C", "D"], vec!["E", "A", "B", "C", "D"]]);
        assert_eq!(g[ps[0][1].1].relation, "sanctions");
        assert!(paths(&g, n[4], n[3], 2, 3).is_empty());
    }

    #[test]
    fn ego_network_by_depth() {
        let (g, n) = graph();
        let labels = |h: &DiGraph<Node, Edge>| {
            let mut l: Vec<String> = h.node_indices().map(|i| h[i].label.clone()).collect();
            l.sort();
            l
        };
        assert_eq!(labels(&ego(&g, n[3], 1)), vec!["C", "D"]);
        assert_eq!(labels(&ego(&g, n[3], 2)), vec!["A", "B", "C", "D"]);
        assert_eq!(ego(&g, n[3], 2).edge_count(), 5); // A-B both ways, B-C, C-D, A-C
    }

    #[test]
    fn rankings() {
        let (g, _) = graph();
        let top = |by| rank(&g, by).iter().map(|(i, s)| (g[*i].label.clone(), (*s * 100.0).round() / 100.0)).collect::<Vec<_>>();
        // Degree: A has B, C, E; C has A, B, D; B has A, C; D has C; E has A.
        assert_eq!(top(Centrality::Degree), vec![("A".into(), 3.0), ("C".into(), 3.0), ("B".into(), 2.0), ("D".into(), 1.0), ("E".into(), 1.0)]);
        // Betweenness: E-B, E-C, E-D pass through A (E-D also through C); D-A, D-B, D-E pass through C.
        let b = top(Centrality::Betweenness);
        assert_eq!(b[0], ("A".into(), 3.0));
        assert_eq!(b[1], ("C".into(), 3.0));
        assert_eq!(b.iter().find(|x| x.0 == "B").unwrap().1, 0.0);
        let pr = rank(&g, Centrality::Pagerank);
        assert!((pr.iter().map(|x| x.1).sum::<f64>() - 1.0).abs() < 1e-6);
    }

    #[test]
    fn dyad_table() {
        let (g, _) = graph();
        let rows = dyads(&g);
        let row = |a: &str, b: &str| rows.iter().find(|d| (g[d.a].label == a && g[d.b].label == b) || (g[d.a].label == b && g[d.b].label == a)).unwrap().clone();
        let bc = row("B", "C");
        assert_eq!((bc.conflict, bc.conflict_goldstein), (3, -30.0));
        let ab = row("A", "B");
        assert_eq!((ab.cooperation, ab.cooperation_goldstein), (1, 1.0), "a symmetric meeting counts once");
        let ac = row("A", "C");
        assert_eq!((ac.conflict, ac.conflict_goldstein), (2, -16.0));
        assert_eq!(rows.len(), 5);
    }

    #[test]
    fn filters() {
        let (g, _) = graph();
        let f = Filter { quad_classes: vec![4], ..Filter::default() };
        assert_eq!(filter(&g, &f).edge_count(), 2);
        let f = Filter { from: Some("2024-02".into()), to: Some("2024-02-28".into()), ..Filter::default() };
        assert_eq!(filter(&g, &f).edge_count(), 2);
        let f = Filter { min_evidence: 2, ..Filter::default() };
        assert_eq!(filter(&g, &f).node_count(), 3);
        let f = Filter { relations: vec!["visits".into()], ..Filter::default() };
        assert_eq!(filter(&g, &f).node_count(), 2);
    }
}
