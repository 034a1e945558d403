"""The network editor with moments (issue 16 item 2), two editors on one file (14.3), the truth
about saving (14.9) and the editor's part of issue 11 item 5 (names, lists, tables, figure size)."""
from __future__ import annotations

import datetime
import errno
import html
import json
import os

import pytest

import netles
from netles import datasets, read_network
from netles.io import atomic
from netles.widgets import EditorState, network_editor
from netles.widgets.editor import DuplicateNameError, people_options


@pytest.fixture(autouse=True)
def backup_dir(tmp_path, monkeypatch):
    """Backup copies go to a temporary folder, never to the real home folder."""
    folder = tmp_path / "reservekopieen"
    monkeypatch.setenv("NETLES_BACKUP_DIR", str(folder))
    return folder


@pytest.fixture
def editor(tmp_path):
    path = tmp_path / "kaart.json"
    widget, state = network_editor(path, case="voorbeeld")
    return widget, state, path


def _msg(widget):
    return html.unescape(widget.message.value)


def _add(widget, name, **values):
    widget.name.value = name
    for key, value in values.items():
        getattr(widget, key).value = value
    widget.add_button.click()


def _save_moment(widget, label, date=datetime.date(2025, 2, 3)):
    widget.moment_label.value = label
    widget.moment_date.value = date
    widget.save_moment_button.click()


# -- moments in the editor ----------------------------------------------------------------------------

def test_save_a_moment_with_date_and_label(editor):
    widget, state, path = editor
    assert widget.moment_date.value == datetime.date.today()  # default today
    assert widget.view_button.disabled and widget.from_last_button.disabled
    _save_moment(widget, "intake", datetime.date(2025, 2, 3))
    assert [(m.label, m.date) for m in read_network(path).moments] == [("intake", "2025-02-03")]
    assert "Moment 'intake' (3 februari 2025) is bewaard" in _msg(widget)
    assert [label for label, _ in widget.moment_list.options] == ["intake · 3 februari 2025 · 6 personen"]
    assert widget.moment_label.value == "" and not widget.view_button.disabled
    # editing the working network keeps the moment in the file
    _add(widget, "Gijs")
    on_disk = read_network(path)
    assert on_disk == state.network and on_disk.moment("intake").size == 6 and on_disk.size == 7


def test_moment_needs_a_new_label(editor):
    widget, state, path = editor
    _save_moment(widget, "  ")
    assert "Geef het moment een naam" in _msg(widget) and state.network.moments == ()
    _save_moment(widget, "intake")
    _save_moment(widget, "Intake", datetime.date(2025, 3, 1))
    assert "Er is al een moment 'Intake'" in _msg(widget)
    assert len(read_network(path).moments) == 1


def test_second_moment_shows_the_comparison(editor):
    widget, state, path = editor
    assert widget.viewer.layout.display == "none"
    _save_moment(widget, "intake", datetime.date(2025, 2, 3))
    assert widget.viewer.layout.display is None
    widget.people.value = "E"
    widget.remove_button.click()
    _add(widget, "Gijs", relation="club_member")
    _save_moment(widget, "evaluatie", datetime.date(2025, 8, 20))
    assert (widget.viewer_state.before, widget.viewer_state.after) == ("intake", "evaluatie")
    summary = html.unescape(widget.viewer.summary.value)
    assert "Eén nieuw contact: Gijs (clublid)." in summary and "De band met Erik (buurman) is verdwenen." in summary
    assert widget.viewer.figure.outputs
    assert [m.label for m in read_network(path).moments] == ["intake", "evaluatie"]


def test_open_an_earlier_moment_read_only_and_go_back(editor):
    widget, state, path = editor
    _save_moment(widget, "intake")
    widget.people.value = "E"
    widget.remove_button.click()
    before_file = path.read_bytes()
    widget.moment_list.value = "intake"
    widget.view_button.click()
    assert state.viewing == "intake" and state.profile["size"] == 6 and state.network.size == 5
    assert widget.banner_box.layout.display is None and "alleen lezen" in widget.banner.value
    assert "Erik (buurman)" in [label for label, _ in widget.people.options]
    assert widget.add_button.disabled and widget.name.disabled and widget.save_moment_button.disabled
    widget.people.value = "A"  # looking at someone fills the form, but nothing can be changed
    assert widget.name.value == "Anja (zus)" and widget.update_button.disabled and widget.remove_button.disabled
    assert all(box.disabled for box in widget.tie_boxes.values())
    with pytest.raises(ValueError, match="alleen lezen"):
        state.add_alter("Gijs", "friend")
    with pytest.raises(ValueError):
        state.set_tie("A", "D", True)
    with pytest.raises(ValueError):
        state.save_moment("later")
    widget.on_add()
    assert "eerder moment" in _msg(widget) and path.read_bytes() == before_file
    widget.back_button.click()
    assert state.viewing is None and widget.banner_box.layout.display == "none" and not widget.add_button.disabled
    assert state.profile["size"] == 5 and "Terug in de werkversie" in _msg(widget)
    with pytest.raises(KeyError):
        state.view_moment("nameting")


def test_new_moment_from_the_last_keeps_unsaved_work(editor, tmp_path):
    widget, state, path = editor
    _save_moment(widget, "intake")
    _add(widget, "Gijs")
    widget.from_last_button.click()
    assert state.network.size == 6 and "Gijs" not in [state.label(a) for a in state.network.alter_ids]
    assert read_network(path) == state.network
    kept = [p for p in tmp_path.glob("kaart.werkversie-*.json")]
    assert len(kept) == 1 and "Gijs" in [a.get("name") for a in json.loads(kept[0].read_text())["alters"]]
    assert kept[0].name in _msg(widget) and "begint weer bij het moment 'intake'" in _msg(widget)
    # nothing to keep when the working version is the last moment already
    widget.from_last_button.click()
    assert len(list(tmp_path.glob("kaart.werkversie-*.json"))) == 1


def test_reopening_restores_moments_and_ids_are_never_reused(editor):
    widget, state, path = editor
    gijs = state.add_alter("Gijs", "friend")
    state.save_moment("intake", "2025-02-03")
    state.remove_alter(gijs)
    widget2, state2 = network_editor(path)
    assert state2.network == state.network and [m.label for m in state2.network.moments] == ["intake"]
    hanna = state2.add_alter("Hanna", "friend")
    assert hanna != gijs  # Gijs's id stays Gijs's: he is in the intake moment
    assert read_network(path).moment("intake").alter(gijs)["name"] == "Gijs"


def test_a_person_who_left_comes_back_with_the_same_id(editor):
    widget, state, path = editor
    state.save_moment("intake", "2025-02-03")
    state.remove_alter("E")
    state.save_moment("evaluatie", "2025-08-20")
    back = state.add_alter("Erik (buurman)", "neighbour")
    assert back == "E" and "terug in het netwerk" in state.message
    other = state.add_alter("Dewi (vriendin)", "friend", confirm_duplicate=True)
    assert other != "D"


def test_renaming_someone_renames_them_in_the_moments(editor):
    widget, state, path = editor
    state.save_moment("intake", "2025-02-03")
    widget.people.value = "A"
    widget.name.value = "Anja"
    widget.update_button.click()
    assert "in de bewaarde momenten" in _msg(widget)
    assert read_network(path).moment("intake").alter("A")["name"] == "Anja"


# -- issue 11 item 5: names, lists, tables, the figure's size ------------------------------------------

def test_duplicate_name_is_warned_about_and_refused_unless_confirmed(editor):
    widget, state, path = editor
    widget.name.value = "anja  (ZUS)"
    assert "Er staat al iemand met de naam" in html.unescape(widget.warning.value)
    assert widget.other_person.layout.display is None
    widget.add_button.click()
    assert state.network.size == 6 and "Andere persoon met dezelfde naam" in _msg(widget)
    with pytest.raises(DuplicateNameError):
        state.add_alter("Anja (zus)", "sibling")
    widget.other_person.value = True
    widget.add_button.click()
    assert state.network.size == 7 and read_network(path).size == 7
    assert not widget.other_person.value and widget.other_person.layout.display == "none"
    labels = [label for label, _ in widget.people.options]
    assert labels.count("Anja (zus)") == 1 and "anja  (ZUS) · nr. 2" in labels
    # renaming into someone else's name is refused too
    with pytest.raises(DuplicateNameError):
        state.update_alter("B", name="Carla (zus)")


def test_list_entries_never_repeat_the_relation():
    options = dict(people_options(datasets.load_case("voorbeeld")))
    assert "Anja (zus)" in options and not any("(zus) (" in label for label in options)
    net = netles.EgoNetwork(alters=[{"alter_id": "G", "name": "Gijs", "relation": "club_member"}])
    assert people_options(net) == [("Gijs (clublid)", "G")]


def test_overview_table_has_dutch_labels_and_whole_years(editor):
    widget, _, _ = editor
    table = html.unescape(widget.overview.value)
    year = int(datasets.load_case("voorbeeld").alter("A")["since"])
    assert "broer of zus" in table and "wekelijks" in table and f">{year}<" in table
    assert f"{year}.0" not in table
    for code in ("sibling", "weekly", "burdening", "practical", "neighbour"):
        assert f">{code}<" not in table and f"{code}," not in table


def test_figure_gets_room_at_1366(editor):
    widget, _, _ = editor
    shown = widget.figure.outputs[0]["data"]["application/vnd.plotly.v1+json"]["layout"]
    # issue 11: a 420 or 560 px map is unreadable; the drawing keeps at least its own plot size
    assert shown["width"] >= 760 and shown["width"] <= 1366 - 350
    assert shown["height"] >= 700


# -- issue 14.3: two editors, one file ----------------------------------------------------------------

def test_two_editors_merge_what_each_added(tmp_path):
    path = tmp_path / "kaart.json"
    _, first = network_editor(path, case="voorbeeld")
    _, second = network_editor(path)
    gijs = first.add_alter("Gijs", "friend")
    hanna = second.add_alter("Hanna", "neighbour")  # the second editor has not seen Gijs
    on_disk = read_network(path)
    names = {on_disk.alter(a)["name"]: a for a in on_disk.alter_ids}
    assert {"Gijs", "Hanna"} <= set(names) and names["Gijs"] == gijs and names["Hanna"] != gijs
    assert hanna not in second.network.alter_ids or second.network.alter(hanna)["name"] == "Hanna"
    assert "ander venster" in second.message and "Gijs" in second.message
    assert second.network == on_disk
    first.set_tie(gijs, "D", True)  # the first editor merges Hanna in turn
    on_disk = read_network(path)
    assert set(names) <= {on_disk.alter(a)["name"] for a in on_disk.alter_ids} and on_disk.has_tie(gijs, "D")
    assert first.network == on_disk and "Hanna" in first.message
    # a moment saved in one editor reaches the other
    first.save_moment("intake", "2025-02-03")
    second.add_alter("Piet", "colleague")
    assert [m.label for m in read_network(path).moments] == ["intake"] and read_network(path) == second.network


def test_two_editors_that_cannot_merge_keep_both_versions(tmp_path):
    path = tmp_path / "kaart.json"
    _, first = network_editor(path, case="voorbeeld")
    widget2, second = network_editor(path)
    first.remove_alter("B")  # not an addition: cannot be merged by itself
    mine_first = read_network(path)
    second.update_alter("A", circle=2)
    copies = list(tmp_path.glob("kaart.ander-venster-*.json"))
    assert len(copies) == 1 and read_network(copies[0]) == mine_first
    assert read_network(path) == second.network and "B" in second.network.alter_ids
    assert second.conflict_copy == copies[0] and copies[0].name in _msg(widget2)
    assert "Niets is weg" in _msg(widget2)


def test_file_made_unreadable_by_another_program_is_kept(tmp_path):
    path = tmp_path / "kaart.json"
    _, state = network_editor(path, case="voorbeeld")
    path.write_text('{"alters": [', encoding="utf-8")
    state.add_alter("Gijs", "friend")
    copies = list(tmp_path.glob("kaart.ander-venster-kapot-*.json"))
    assert len(copies) == 1 and copies[0].read_text() == '{"alters": ['
    assert read_network(path) == state.network and copies[0].name in state.problem


# -- issue 14.9: the editor tells the truth about saving -------------------------------------------------

def _failing_write(monkeypatch, target, error):
    real = atomic.atomic_write_text

    def write(path, text, *args, **kwargs):
        if os.path.abspath(path) == os.path.abspath(target):
            raise error
        return real(path, text, *args, **kwargs)

    monkeypatch.setattr(atomic, "atomic_write_text", write)


def test_full_disk_says_not_saved_and_where_it_is(tmp_path, monkeypatch, backup_dir):
    path = tmp_path / "kaart.json"
    widget, state = network_editor(path, case="voorbeeld")
    before = path.read_bytes()
    _failing_write(monkeypatch, path, OSError(errno.ENOSPC, "No space left on device", str(path)))
    _add(widget, "Gijs")
    message = _msg(widget)
    assert "NIET opgeslagen" in message and str(path) in message and "schijf is vol" in message
    assert not state.saved and path.read_bytes() == before
    rescue = state.rescue_path
    assert rescue is not None and rescue.parent == backup_dir and str(rescue) in message
    assert read_network(rescue) == state.network and state.network.size == 7
    assert widget.save_as_box.layout.display is None
    # "Opslaan als" moves the work to a place where saving works; later changes go there
    widget.save_as_path.value = str(tmp_path / "elders.json")
    widget.save_as_button.click()
    assert state.saved and state.path == tmp_path / "elders.json" and read_network(tmp_path / "elders.json") == state.network
    assert widget.save_as_box.layout.display == "none" and "elders.json" in _msg(widget)
    _add(widget, "Hanna")
    assert read_network(tmp_path / "elders.json").size == 8


def test_read_only_folder_says_not_saved(tmp_path, monkeypatch):
    path = tmp_path / "kaart.json"
    widget, state = network_editor(path, case="voorbeeld")
    _failing_write(monkeypatch, path, PermissionError(errno.EACCES, "Permission denied", str(path)))
    _add(widget, "Gijs")
    message = _msg(widget)
    assert "NIET opgeslagen" in message and "geen toegang" in message and "reservekopie" in message


def test_when_even_the_backup_fails_the_editor_says_so(tmp_path, monkeypatch):
    path = tmp_path / "kaart.json"
    widget, state = network_editor(path, case="voorbeeld")

    def no_space(path, text, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(atomic, "atomic_write_text", no_space)
    _add(widget, "Gijs")
    message = _msg(widget)
    assert "NIET opgeslagen" in message and "Ook een reservekopie lukte niet" in message and "Opslaan als" in message
    assert state.rescue_path is None and state.network.size == 7


def test_autosave_path_that_is_a_folder(tmp_path, backup_dir):
    folder = tmp_path / "kaart.json"
    folder.mkdir()
    widget, state = network_editor(folder, case="voorbeeld")
    message = _msg(widget)
    assert "is een map" in message and "NIET opgeslagen" in message and str(state.rescue_path) in message
    assert state.network.size == 6 and folder.is_dir() and list(folder.iterdir()) == []
    _add(widget, "Gijs")
    assert read_network(state.rescue_path).size == 7 and "NIET opgeslagen" in _msg(widget)


def test_corrupt_autosave_in_a_read_only_folder_still_opens(tmp_path, monkeypatch, backup_dir):
    folder = tmp_path / "alleen_lezen"
    folder.mkdir()
    path = folder / "kaart.json"
    broken = b'{"format_version": 1, "alters": [{"alter_id": "A", "relation": "fri'
    path.write_bytes(broken)
    real_replace = os.replace

    def no_rename(src, dst):
        if os.path.dirname(os.path.abspath(src)) == str(folder):
            raise PermissionError(errno.EACCES, "Permission denied", str(src))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", no_rename)
    _failing_write(monkeypatch, path, PermissionError(errno.EACCES, "Permission denied", str(path)))
    widget, state = network_editor(path, case="voorbeeld")
    assert path.read_bytes() == broken  # not touched
    assert state.backup is not None and state.backup.parent == backup_dir and state.backup.read_bytes() == broken
    message = _msg(widget)
    assert "kon niet worden gelezen" in message and str(state.backup) in message and "NIET opgeslagen" in message
    assert state.network.size == 6
    _add(widget, "Gijs")
    assert read_network(state.rescue_path).size == 7 and path.read_bytes() == broken


def test_unreadable_file_is_never_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "kaart.json"
    netles.write_network(datasets.load_case("voorbeeld"), path)
    before = path.read_bytes()
    real = type(path).read_bytes

    def locked(self):
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(type(path), "read_bytes", locked)
    widget, state = network_editor(path)
    _add(widget, "Gijs")
    monkeypatch.undo()
    assert path.read_bytes() == before and "NIET opgeslagen" in _msg(widget)


def test_moments_in_english(tmp_path):
    widget, state = network_editor(tmp_path / "k.json", case="voorbeeld", lang="en")
    assert widget.save_moment_button.description == "Save as moment"
    assert widget.from_last_button.description == "New moment from the last one"
    _save_moment(widget, "intake", datetime.date(2025, 2, 3))
    assert "Moment 'intake' (3 February 2025) was saved" in _msg(widget)
    assert [label for label, _ in widget.moment_list.options] == ["intake · 3 February 2025 · 6 people"]
    widget.view_button.click()
    assert "read only" in widget.banner.value and widget.back_button.description == "Back to the working version"
