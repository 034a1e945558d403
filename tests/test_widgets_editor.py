"""The network editor, driven through its real widgets (set .value, click) and through its state."""
from __future__ import annotations

import html
import json
import shutil

import pytest
from hypothesis import given, strategies as st

import netles
from netles import datasets, vocab
from netles.widgets import EditorState, network_editor
from netles.widgets.editor import initials, looks_like_full_name


def _enter(text_widget):
    # What the browser sends when Enter is pressed in a Text widget.
    text_widget._handle_string_msg(None, {"event": "submit"}, None)


def _on_disk(path):
    return netles.read_network(path)


@pytest.fixture(autouse=True)
def backup_dir(tmp_path, monkeypatch):
    """Backup copies of failed saves go to a temporary folder, never to the real home folder."""
    monkeypatch.setenv("NETLES_BACKUP_DIR", str(tmp_path / "reservekopieen"))


@pytest.fixture
def editor(tmp_path):
    path = tmp_path / "mijn_netwerk.json"
    widget, state = network_editor(path, case="voorbeeld")
    return widget, state, path


def test_adding_by_clicking_changes_profile_figure_and_file(editor):
    widget, state, path = editor
    size_before = state.profile["size"]
    figure_before = state.figure.to_json()
    assert "Gijs" not in figure_before
    widget.name.value = "Gijs"
    widget.relation.value = "neighbour"
    widget.contact.value = "weekly"
    widget.travel.value = "5"
    widget.support["practical"].value = True
    widget.direction.value = "mutual"
    widget.add_button.click()
    assert state.profile["size"] == size_before + 1
    assert state.figure.to_json() != figure_before and "Gijs" in state.figure.to_json()
    # what the user sees follows the state
    assert '<tr data-key="size">' in widget.profile.value and ">7<" in widget.profile.value
    plotted = widget.figure.outputs[0]["data"]["application/vnd.plotly.v1+json"]
    assert "Gijs" in json.dumps(plotted)
    assert "Gijs is toegevoegd" in widget.message.value
    new = state.network.alter(state.network.alter_ids[-1])
    assert (new["name"], new["relation"], new["contact"], new["travel_minutes"], new["support"], new["support_direction"]) == (
        "Gijs", "neighbour", "weekly", 5, ["practical"], "mutual")
    assert _on_disk(path) == state.network
    # the form is empty again for the next person
    assert widget.name.value == "" and not widget.support["practical"].value


def test_enter_in_name_field_adds(editor):
    widget, state, path = editor
    widget.name.value = "Hanna"
    _enter(widget.name)
    assert state.network.size == 7 and _on_disk(path) == state.network


def test_every_step_is_saved_and_reopening_restores(editor):
    widget, state, path = editor
    steps = []
    widget.name.value = "Gijs"
    widget.add_button.click()
    steps.append("add")
    assert _on_disk(path) == state.network
    new_id = state.network.alter_ids[-1]
    widget.people.value = new_id  # select: the form shows the person, ties can be ticked
    assert widget.name.value == "Gijs" and not widget.update_button.disabled
    widget.tie_boxes["D"].value = True
    assert state.network.has_tie(new_id, "D") and _on_disk(path) == state.network
    widget.valence.value = "ambivalent"
    widget.circle.value = 1
    widget.update_button.click()
    assert state.network.alter(new_id)["valence"] == "ambivalent"
    assert state.network.alter(new_id)["circle"] == 1
    assert _on_disk(path) == state.network
    widget.tie_boxes["D"].value = False
    assert not state.network.has_tie(new_id, "D") and _on_disk(path) == state.network
    widget.people.value = "B"
    widget.remove_button.click()
    assert "B" not in state.network.alter_ids and _on_disk(path) == state.network
    # a "kernel restart": a new editor on the same file continues where we were
    widget2, state2 = network_editor(path, case="voorbeeld")
    assert state2.network == state.network
    assert "geopend" in state2.message
    assert [v for _, v in widget2.people.options] == state.network.alter_ids


def test_state_methods_save_and_reopen(tmp_path):
    path = tmp_path / "kaart.json"
    _, state = network_editor(path)  # no case: an empty network, file created at once
    assert state.network.size == 0 and _on_disk(path) == state.network
    a = state.add_alter("Tante J.", "other_family", circle=1, support=["emotional"])
    b = state.add_alter("Buurman", "neighbour")
    state.set_tie(a, b, True)
    state.update_alter(b, contact="daily", support=["practical", "companionship"])
    assert _on_disk(path) == state.network
    state.remove_alter(a)
    assert _on_disk(path) == state.network and state.network.n_ties == 0
    fresh = EditorState(netles.EgoNetwork(), path=None)
    assert fresh.load(path) and fresh.network == state.network


def test_corrupt_autosave_is_kept_as_backup_and_explained(tmp_path):
    path = tmp_path / "mijn_netwerk.json"
    broken = b'{"format_version": 1, "alters": [{"alter_id": "A", "relation": "fri'
    path.write_bytes(broken)
    widget, state = network_editor(path, case="voorbeeld")
    backups = list(tmp_path.glob("mijn_netwerk.json.kapot-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == broken
    assert state.backup == backups[0]
    assert "kon niet worden gelezen" in state.problem and backups[0].name in state.problem
    assert "niet overschreven" in widget.message.value
    # the editor works on: a fresh start from the case, saved to the usual file
    assert state.network.size == 6 and _on_disk(path) == state.network
    widget.name.value = "Gijs"
    widget.add_button.click()
    assert _on_disk(path) == state.network and backups[0].read_bytes() == broken


def test_invalid_values_in_autosave_are_kept_too(tmp_path):
    path = tmp_path / "kaart.json"
    text = json.dumps({"format_version": 1, "alters": [{"alter_id": "A", "relation": "cousin"}]})
    path.write_text(text)
    _, state = network_editor(path, lang="en")
    backup = next(tmp_path.glob("kaart.json.kapot-*"))
    assert backup.read_text() == text
    assert "could not be read" in state.problem and "cousin" in state.problem


def test_second_corrupt_file_does_not_overwrite_first_backup(tmp_path):
    path = tmp_path / "k.json"
    path.write_text("eerste")
    network_editor(path)
    path.write_text("tweede")
    network_editor(path)
    contents = sorted(p.read_text() for p in tmp_path.glob("k.json.kapot-*"))
    assert contents == ["eerste", "tweede"]


def test_full_name_warning_and_initials(editor):
    widget, state, _ = editor
    widget.name.value = "Jan de Vries"
    # Dutch readers expect the particle written out: "J. de V.", not "J.V." (issue 11 item 5)
    assert "echte voor- en achternaam" in widget.warning.value and "J. de V." in html.unescape(widget.warning.value)
    assert widget.initials_button.layout.display is None
    widget.initials_button.click()
    assert widget.name.value == "J. de V." and widget.warning.value == ""
    assert widget.initials_button.layout.display == "none"
    widget.name.value = "Jan de Vries"
    widget.add_button.click()  # a warning, not a refusal
    assert state.network.alter(state.network.alter_ids[-1])["name"] == "Jan de Vries"


@pytest.mark.parametrize(
    "name,full", [("Jan de Vries", True), ("Piet Jansen", True), ("Anja (zus)", False), ("Tante J.", False),
                  ("buurman", False), ("J.V.", False), ("Oma Truus", False), ("", False)]
)
def test_looks_like_full_name(name, full):
    assert looks_like_full_name(name) is full


@pytest.mark.parametrize(
    "name,expected",
    [("Jan de Vries", "J. de V."), ("maria", "M."), ("Maria van der Berg-Smit", "M. van der B.-S."),
     ("Jan Peter Jansen", "J.P.J."), ("Kees van 't Hof", "K. van 't H."), ("Piet ter Horst", "P. ter H."),
     ("de Vries", "de V."), ("Jan de Vries (buurman)", "J. de V. (buurman)"), ("Zoë Öztürk", "Z.Ö.")],
)
def test_initials_the_dutch_way(name, expected):
    assert initials(name) == expected


def test_empty_name_and_bad_travel_time_are_refused_in_dutch(editor):
    widget, state, path = editor
    before = path.read_bytes()
    widget.add_button.click()
    assert "Vul eerst een naam" in widget.message.value
    widget.name.value = "Gijs"
    widget.travel.value = "een uur"
    widget.add_button.click()
    assert "Reistijd" in widget.message.value
    widget.travel.value = "-3"
    widget.add_button.click()
    assert state.network.size == 6 and path.read_bytes() == before
    widget.travel.value = "7,5"
    widget.add_button.click()
    assert state.network.alter(state.network.alter_ids[-1])["travel_minutes"] == 7.5


def test_update_without_selection_explains(editor):
    widget, _, _ = editor
    widget.people.value = None
    widget.on_update()
    assert "Kies eerst iemand" in widget.message.value


def test_failed_save_keeps_the_change_on_screen(tmp_path):
    folder = tmp_path / "weg"
    folder.mkdir()
    widget, state = network_editor(folder / "k.json", case="voorbeeld")
    shutil.rmtree(folder)
    widget.name.value = "Gijs"
    widget.add_button.click()
    assert state.network.size == 7
    assert "Opslaan is mislukt" in widget.message.value


def test_without_path_nothing_is_written_and_user_is_told(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widget, state = network_editor(case="voorbeeld")
    assert "niet bewaard" in widget.message.value
    state.add_alter("Gijs", "friend")
    assert list(tmp_path.iterdir()) == []


def test_english_labels(tmp_path):
    widget, state = network_editor(tmp_path / "k.json", case="voorbeeld", lang="en")
    assert widget.add_button.description == "Add"
    assert ("friend", "friend") in [(label, code) for label, code in widget.relation.options]
    widget.name.value = "Gijs"
    widget.add_button.click()
    assert "Gijs was added" in widget.message.value and "size" in widget.profile.value


def test_dutch_labels_come_from_vocab(editor):
    widget, _, _ = editor
    assert (vocab.label("relation", "neighbour"), "neighbour") in widget.relation.options
    assert widget.support["appraisal"].description == vocab.label("support", "appraisal")


def test_selecting_fills_form_and_new_clears(editor):
    widget, state, _ = editor
    widget.people.value = "A"
    assert widget.name.value == "Anja (zus)" and widget.relation.value == "sibling"
    assert widget.support["emotional"].value and widget.direction.value == "mutual"
    assert widget.tie_boxes["B"].value and not widget.tie_boxes["D"].value
    widget.new_button.click()
    assert widget.people.value is None and widget.name.value == "" and widget.update_button.disabled


def _draw_stub(net, lang):
    import plotly.graph_objects as go

    return go.Figure(go.Scatter(x=list(range(net.size)), y=[0] * net.size))


_ops = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from(vocab.RELATION.codes), st.sampled_from((None, *vocab.CONTACT.codes))),
        st.tuples(st.just("remove"), st.integers(0, 20)),
        st.tuples(st.just("tie"), st.integers(0, 20), st.integers(0, 20), st.booleans()),
        st.tuples(st.just("update"), st.integers(0, 20), st.sampled_from((None, *vocab.VALENCE.codes))),
    ),
    max_size=12,
)


@given(_ops)
def test_autosave_equals_state_after_any_sequence_of_changes(tmp_path_factory, ops):
    path = tmp_path_factory.mktemp("prop") / "k.json"
    state = EditorState.open(path, draw=_draw_stub)
    for op in ops:
        ids = state.network.alter_ids
        if op[0] == "add":
            state.add_alter("P", op[1], contact=op[2], confirm_duplicate=True)
        elif ids and op[0] == "remove":
            state.remove_alter(ids[op[1] % len(ids)])
        elif len(ids) > 1 and op[0] == "tie":
            a, b = ids[op[1] % len(ids)], ids[op[2] % len(ids)]
            if a != b:
                state.set_tie(a, b, op[3])
        elif ids and op[0] == "update":
            state.update_alter(ids[op[1] % len(ids)], valence=op[2])
        assert _on_disk(path) == state.network
    assert EditorState.open(path, draw=_draw_stub).network == state.network
