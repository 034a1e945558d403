"""Dynamics: deterministic per seed; maintenance slows decay; respite and shared tasks lower the
carer's load."""
import numpy as np
import pandas as pd
import pytest

from netles import EgoNetwork, datasets
from netles.models import (
    CARER_COLUMNS,
    DYNAMICS_COLUMNS,
    choose_carer,
    maintain,
    simulate,
    simulate_carer_load,
    synthetic_network,
)

SEEDS = range(6)


@pytest.fixture(scope="module")
def nets():
    return [synthetic_network(seed=s, profile="lvb") for s in SEEDS]


def test_table_layout():
    table = simulate(datasets.load_case("voorbeeld"), steps=6, seed=1)
    assert list(table.columns) == list(DYNAMICS_COLUMNS)
    assert table["step"].tolist() == list(range(7))
    assert table.loc[0, "size"] == 6 and table.loc[0, "density"] == pytest.approx(4 / 15)
    assert table["capacity_to_give"].is_monotonic_decreasing
    carer = simulate_carer_load(steps=5)
    assert list(carer.columns) == list(CARER_COLUMNS) and len(carer) == 6


def test_deterministic_per_seed(nets):
    net = nets[0]
    pd.testing.assert_frame_equal(simulate(net, seed=4), simulate(net, seed=4))
    assert not simulate(net, seed=4).equals(simulate(net, seed=5))
    pd.testing.assert_frame_equal(simulate_carer_load(20, 0.1, 0.2, seed=9), simulate_carer_load(20, 0.1, 0.2, seed=9))


def test_input_is_not_changed(nets):
    net = nets[1]
    before = net.to_dict()
    simulate(net, steps=12, seed=2)
    assert net.to_dict() == before


def test_network_shrinks_and_professionals_stay(nets):
    for net in nets[:4]:
        table, networks = simulate(net, steps=36, seed=1, return_networks=True)
        assert table["size"].iloc[-1] < table["size"].iloc[0]
        assert table["size"].is_monotonic_decreasing
        assert len(networks) == 37 and networks[0] == net
        profs = lambda n: sorted(n.alters.loc[n.alters["relation"] == "professional", "alter_id"])
        assert profs(networks[-1]) == profs(net)
        assert table["share_professional"].iloc[-1] >= table["share_professional"].iloc[0]
        for later in networks[::12]:
            EgoNetwork.from_dict(later.to_dict())  # every step is a valid network


def test_maintenance_slows_decay(nets):
    """With maintenance the network shrinks less than without (each seed, same random numbers)."""
    without, with_ = [], []
    for i, net in enumerate(nets):
        a = simulate(net, steps=24, seed=i, maintenance=0.0)
        b = simulate(net, steps=24, seed=i, maintenance=0.7)
        assert b["size"].iloc[-1] >= a["size"].iloc[-1]
        assert b["n_active"].iloc[-1] >= a["n_active"].iloc[-1]
        without.append(a["size"].iloc[-1])
        with_.append(b["size"].iloc[-1])
    assert np.mean(with_) > np.mean(without) + 1


def test_maintained_ties_decay_less(nets):
    """A tie marked maintained (the Onderhouden intervention) stays active more often."""
    kept_plain = kept_maintained = 0
    for i, net in enumerate(nets):
        informal = [a for a in net.alter_ids
                    if net.alter(a)["relation"] != "professional" and net.alter(a).get("status") == "active"
                    and net.alter(a).get("valence") != "burdening"]
        marked = net
        for a in informal:
            marked = maintain(marked, a).network
        for n, counter in ((net, "plain"), (marked, "maintained")):
            _, networks = simulate(n, steps=24, seed=i, carer=False, return_networks=True)
            end = networks[-1]
            active = sum(1 for a in informal if a in end.alter_ids and end.alter(a).get("status") == "active")
            if counter == "plain":
                kept_plain += active
            else:
                kept_maintained += active
    assert kept_maintained > kept_plain


def test_respite_lowers_carer_load():
    for seed in range(5):
        base = simulate_carer_load(care_need=20, respite=0.0, shared_tasks=0.0, steps=24, seed=seed)
        rest = simulate_carer_load(care_need=20, respite=0.3, shared_tasks=0.0, steps=24, seed=seed)
        assert (rest["carer_load"] < base["carer_load"]).all()
        assert (rest["carer_network_size"] >= base["carer_network_size"]).all()


def test_shared_tasks_lower_carer_load():
    for seed in range(5):
        base = simulate_carer_load(care_need=20, shared_tasks=0.0, steps=24, seed=seed)
        shared = simulate_carer_load(care_need=20, shared_tasks=0.4, steps=24, seed=seed)
        assert (shared["carer_load"] < base["carer_load"]).all()
        assert (shared["carer_network_size"] >= base["carer_network_size"]).all()


def test_mantelval_when_care_grows_alone():
    heavy = simulate_carer_load(care_need=30, steps=24, seed=0)
    assert heavy["mantelval"].iloc[-1] and heavy["carer_network_size"].iloc[-1] <= 6
    assert heavy["care_need"].is_monotonic_increasing
    light = simulate_carer_load(care_need=5, steps=24, seed=0)
    assert not light["mantelval"].any() and (light["carer_network_size"] == 12).all()
    assert (light["carer_load"] < 1).all()


def test_respite_and_shared_tasks_in_simulate(nets):
    net = nets[2]
    base = simulate(net, steps=24, seed=3, care_need=25)
    rest = simulate(net, steps=24, seed=3, care_need=25, respite=0.3)
    assert (rest["carer_load"] < base["carer_load"]).all()
    assert base["shared_tasks"].between(0, 1).all()
    alone = simulate(net, steps=24, seed=3, care_need=25, shared_tasks=0.0)
    shared = simulate(net, steps=24, seed=3, care_need=25, shared_tasks=0.6)
    assert (shared["carer_load"] < alone["carer_load"]).all()
    assert (shared["shared_tasks"] == 0.6).all()


def test_network_decay_raises_the_carers_share():
    """As helpers fade, the carer's share of the support grows (shared_tasks follows the network)."""
    table = simulate(datasets.load_case("voorbeeld"), steps=24, seed=3)
    assert table["shared_tasks"].iloc[-1] < table["shared_tasks"].iloc[0]


def test_overloaded_carer_becomes_ambivalent():
    net = datasets.load_case("voorbeeld")
    _, networks = simulate(net, steps=12, seed=0, care_need=40, return_networks=True)
    assert net.alter("A")["valence"] == "supportive"
    assert networks[-1].alter("A")["valence"] == "ambivalent"


def test_carer_choice_and_switch_off():
    net = datasets.load_case("voorbeeld")
    assert choose_carer(net) == "A"
    assert choose_carer(EgoNetwork(alters=[{"alter_id": "W", "relation": "professional", "support": ["practical"]}])) is None
    off = simulate(net, steps=3, carer=False)
    assert off["carer_load"].isna().all() and not off["mantelval"].any()
    chosen = simulate(net, steps=3, carer="C")
    assert chosen["carer_load"].notna().all()
    with pytest.raises(ValueError, match="carer"):
        simulate(net, carer="Z")


@pytest.mark.parametrize("kwargs", [dict(respite=1.5), dict(shared_tasks=-0.1), dict(steps=-1), dict(care_need=200),
                                    dict(steps=2.5)])
def test_bad_parameters(kwargs):
    with pytest.raises(ValueError):
        simulate_carer_load(**kwargs)


def test_bad_simulate_parameters():
    net = datasets.load_case("voorbeeld")
    with pytest.raises(ValueError, match="maintenance"):
        simulate(net, maintenance=2)
    with pytest.raises(TypeError):
        simulate(net.to_dict())
    assert len(simulate(net, steps=0)) == 1


def test_choose_carer_skips_professionals_and_volunteers():
    from netles import datasets
    from netles.models import choose_carer

    net = datasets.load_case("voorbeeld").with_alter_changes(
        "F", support=["practical", "emotional", "companionship", "appraisal", "information"],
        support_direction="receives")
    assert choose_carer(net) == "A"
    helper = net.with_alter({"alter_id": "V", "name": "vrijwilliger", "relation": "volunteer",
                             "support": ["practical", "emotional", "companionship", "appraisal"],
                             "support_direction": "receives"})
    assert choose_carer(helper) == "A"


# -- mantelval: a load above the carer's draagkracht for long enough (issue 12 item 1) ----------------

def test_mantelval_is_a_lasting_load_above_what_the_carer_can_carry():
    table = simulate_carer_load(care_need=25, steps=24, seed=1)
    over = (table["carer_load"] > 1).to_numpy()
    streak = 0
    for t, row in table.iterrows():
        if t > 0:
            streak = streak + 1 if over[t] else 0
        assert row["months_over_limit"] == streak
        assert row["mantelval"] == (streak >= 6)
    # not "the carer's own network has halved": mantelval comes when the months are reached
    first = int(table.loc[table["mantelval"], "step"].iloc[0])
    assert first == 6 and table.loc[first, "carer_network_size"] > 6


def test_mantelval_months_is_a_parameter():
    for months in (1, 3, 9):
        table = simulate_carer_load(care_need=25, steps=24, seed=1, mantelval_months=months)
        assert int(table.loc[table["mantelval"], "step"].iloc[0]) == months
    with pytest.raises(ValueError, match="mantelval_months"):
        simulate_carer_load(mantelval_months=0)


def test_a_high_csi_means_the_load_is_above_the_limit_now():
    from netles.models import capacity_from_csi

    strained = simulate_carer_load(care_need=20, csi=11, steps=12, seed=0)
    assert strained["carer_load"].iloc[0] > 1.3 and strained["mantelval"].iloc[-1]
    fine = simulate_carer_load(care_need=20, csi=3, steps=12, seed=0)
    assert fine["carer_load"].iloc[0] < 0.6 and not fine["mantelval"].any()
    assert capacity_from_csi(7, 15) == 15
    with pytest.raises(ValueError):
        capacity_from_csi(14, 10)
