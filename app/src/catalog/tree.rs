//! The category tree as plain data: ancestors and descendants of a node. Pure and unit-tested;
//! the service loads the (small) table once per request and asks this.

use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone)]
pub struct Tree {
    parent: HashMap<i32, Option<i32>>,
    children: HashMap<i32, Vec<i32>>,
}

impl Tree {
    /// From `(id, parent_id)` pairs, in the order siblings should be listed.
    pub fn new(nodes: impl IntoIterator<Item = (i32, Option<i32>)>) -> Tree {
        let mut parent = HashMap::new();
        let mut children: HashMap<i32, Vec<i32>> = HashMap::new();
        for (id, p) in nodes {
            parent.insert(id, p);
            if let Some(p) = p {
                children.entry(p).or_default().push(id);
            }
        }
        Tree { parent, children }
    }

    pub fn children(&self, id: i32) -> &[i32] {
        self.children.get(&id).map_or(&[], Vec::as_slice)
    }

    /// From the root down to the node's parent. Stops on a cycle rather than looping.
    pub fn ancestors(&self, id: i32) -> Vec<i32> {
        let mut out = Vec::new();
        let mut current = self.parent.get(&id).copied().flatten();
        while let Some(p) = current {
            if out.contains(&p) || p == id {
                break;
            }
            out.push(p);
            current = self.parent.get(&p).copied().flatten();
        }
        out.reverse();
        out
    }

    /// The node and everything below it, parents before children.
    pub fn subtree(&self, id: i32) -> Vec<i32> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            for &c in self.children(out[i]) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            i += 1;
        }
        out
    }

    /// Everything hidden from shoppers: each of the `flagged` nodes (hidden by an
    /// administrator) with everything below it.
    pub fn hidden_below(&self, flagged: impl IntoIterator<Item = i32>) -> HashSet<i32> {
        let mut out = HashSet::new();
        for id in flagged {
            if !out.contains(&id) {
                out.extend(self.subtree(id));
            }
        }
        out
    }

    /// The tree shoppers see: the `hidden` nodes are no one's children any more (so neither
    /// lists nor subtrees reach them), while every node still knows its ancestors (a product
    /// of a hidden category still shows the visible part of its trail).
    pub fn without(mut self, hidden: &HashSet<i32>) -> Tree {
        if !hidden.is_empty() {
            for children in self.children.values_mut() {
                children.retain(|c| !hidden.contains(c));
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Tree {
        // 1 food ─ 2 dairy ─ 4 cheese
        //        └ 3 bread
        // 5 home
        Tree::new([(1, None), (2, Some(1)), (3, Some(1)), (4, Some(2)), (5, None)])
    }

    #[test]
    fn ancestors_run_from_the_root() {
        assert_eq!(tree().ancestors(4), vec![1, 2]);
        assert_eq!(tree().ancestors(1), Vec::<i32>::new());
    }

    #[test]
    fn subtree_includes_all_descendants() {
        assert_eq!(tree().subtree(1), vec![1, 2, 3, 4]);
        assert_eq!(tree().subtree(5), vec![5]);
        assert_eq!(tree().children(1), &[2, 3]);
    }

    #[test]
    fn hiding_takes_everything_below() {
        let t = tree();
        let hidden = t.hidden_below([2]);
        assert_eq!(hidden, HashSet::from([2, 4]));
        assert_eq!(t.hidden_below([1, 2]), HashSet::from([1, 2, 3, 4]), "nested flags count once");
        assert!(t.hidden_below([]).is_empty());
        let seen = t.without(&hidden);
        assert_eq!(seen.children(1), &[3]);
        assert_eq!(seen.subtree(1), vec![1, 3], "a visible category no longer lists the hidden one's products");
        assert_eq!(seen.ancestors(4), vec![1, 2], "the trail is still known (the page shows its visible part)");
    }

    #[test]
    fn cycles_do_not_hang() {
        let t = Tree::new([(1, Some(2)), (2, Some(1))]);
        assert_eq!(t.ancestors(1), vec![2]);
        assert_eq!(t.subtree(1), vec![1, 2]);
    }
}
