"""Sessions arranged as a branch tree: each branch under the session it was forked from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Generic, NamedTuple, Protocol, TypeVar


class _Branchable(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def parent_id(self) -> str | None: ...


T = TypeVar("T", bound=_Branchable)


class Branch(NamedTuple, Generic[T]):
    """A session and the branches forked from it (unpacks as ``info, children``)."""

    info: T
    children: list[Branch[T]]


def branch_forest(infos: Sequence[T]) -> list[Branch[T]]:
    """The sessions whose parent is not listed, each with its branches, recursively.
    Order follows ``infos``.

    >>> from types import SimpleNamespace as S
    >>> a, b, c = S(id="a", parent_id=None), S(id="b", parent_id="a"), S(id="c", parent_id="x")
    >>> [(r.id, [k.id for k, _ in kids]) for r, kids in branch_forest([a, b, c])]
    [('a', ['b']), ('c', [])]
    """
    listed = {i.id for i in infos}
    children: dict[str, list[T]] = {}
    for info in infos:
        if info.parent_id in listed:
            children.setdefault(info.parent_id, []).append(info)

    def grow(info: T, seen: frozenset[str]) -> Branch[T]:
        kids = [k for k in children.get(info.id, []) if k.id not in seen]  # guards cycles
        return Branch(info, [grow(k, seen | {k.id}) for k in kids])

    return [grow(i, frozenset({i.id})) for i in infos if i.parent_id not in listed]


def walk_forest(infos: Sequence[T]) -> Iterator[tuple[int, T]]:
    """Every session with its depth in the branch tree, parents before their branches.

    >>> from types import SimpleNamespace as S
    >>> a, b = S(id="a", parent_id=None), S(id="b", parent_id="a")
    >>> [(depth, s.id) for depth, s in walk_forest([b, a])]
    [(0, 'a'), (1, 'b')]
    """

    def visit(node: Branch[T], depth: int) -> Iterator[tuple[int, T]]:
        yield depth, node.info
        for kid in node.children:
            yield from visit(kid, depth + 1)

    for root in branch_forest(infos):
        yield from visit(root, 0)
