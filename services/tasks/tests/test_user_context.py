"""An artist's own context (/data/user/*), saved search filters and entity chats over
real RPC and PostgreSQL: Zou's JSON, events, access rules and error shapes."""
FILTERS, GROUPS = {"model": "search-filters"}, {"model": "search-filter-groups"}


def _assign(tasks, entity, task_type, person):
    task = tasks.create_entity_tasks({"params": {"entity_id": entity["id"]}, "body": {
        "task_type_ids": [task_type["id"]]}})["body"][0]
    tasks.assign_task({"params": {"task_id": task["id"]},
                       "body": {"person_id": str(person.id)}})
    return task


def _kind(name):
    return {"route": {"entity_kind": name}}


def test_the_lists_of_an_artist_hold_what_their_tasks_reach(services, studio, refused):
    people, project = studio["people"], studio["project"]
    _, admin = services(people["admin"])
    shot, asset, sequence = studio["shots"][0], studio["asset"], studio["sequence"]
    animation = studio["task_types"][("Animation", "Shot")]
    modeling = studio["task_types"][("Modeling", "Asset")]
    for task_type in (animation, modeling):
        admin.add_task_type_setting({"params": {"project_id": project["id"]},
                                     "body": {"task_type_id": task_type["id"]}})
    shot_task = _assign(admin, shot, animation, people["user"])
    _assign(admin, asset, modeling, people["user"])
    _, me = services(people["user"])
    where = {"project_id": project["id"]}
    sequences = me.user_project_sequences({"params": where})["body"]
    assert [(s["id"], s["type"]) for s in sequences] == [(sequence["id"], "Sequence")]
    shots = me.user_sequence_children({"params": {"sequence_id": sequence["id"]},
                                       **_kind("Shot")})["body"]
    assert [s["name"] for s in shots] == ["SH010"]
    assert me.user_sequence_children({"params": {"sequence_id": sequence["id"]},
                                      **_kind("Scene")})["body"] == []
    assert me.user_project_episodes({"params": where})["body"] == []
    asset_types = me.user_project_asset_types({"params": where})["body"]
    assert [(t["name"], t["type"]) for t in asset_types] == [("Character", "AssetType")]
    assets = me.user_asset_type_assets({"params": {
        **where, "asset_type_id": asset_types[0]["id"]}})["body"]
    assert [(a["name"], a["type"]) for a in assets] == [("Ada", "Asset")]
    tasks = me.user_entity_tasks({"params": {"entity_id": shot["id"]}, **_kind("Shot")})
    assert [t["id"] for t in tasks["body"]] == [shot_task["id"]]
    assert tasks["body"][0]["type"] == "Task"
    task_types = me.user_entity_task_types({"params": {"entity_id": shot["id"]},
                                            **_kind("Shot")})["body"]
    assert [t["name"] for t in task_types] == ["Animation"]
    # a shot is not an asset; unknown ids are 404
    assert refused(me.user_entity_tasks, {"params": {"entity_id": shot["id"]},
                                          **_kind("Asset")})[0] == "NotFound"
    assert refused(me.user_project_sequences, {"params": {"project_id": "nope"}})[0] \
        == "NotFound"
    # someone with no task there sees nothing
    _, outsider = services(people["outsider"])
    assert outsider.user_project_sequences({"params": where})["body"] == []
    assert outsider.user_entity_tasks({"params": {"entity_id": shot["id"]},
                                       **_kind("Shot")})["body"] == []


def test_the_context_the_ui_loads(services, studio):
    people, project = studio["people"], studio["project"]
    _, manager = services(people["manager"])
    manager.add_task_type_setting({"params": {"project_id": project["id"]}, "body": {
        "task_type_id": studio["task_types"][("Animation", "Shot")]["id"]}})
    context = manager.user_context({})["body"]
    assert set(context) == {"asset_types", "persons", "project_roles", "projects",
                            "task_types", "task_status", "search_filters",
                            "search_filter_groups"}
    assert context["project_roles"] == {}
    (mine,) = context["projects"]
    assert mine["id"] == project["id"]
    assert set(mine["team"]) == {str(people["manager"].id), str(people["user"].id)}
    animation_id = studio["task_types"][("Animation", "Shot")]["id"]
    assert mine["task_types"] == [animation_id] and animation_id in mine["task_type_links"]
    assert "email" in context["persons"][0]  # managers see people in full
    assert any(t["name"] == "Character" for t in context["asset_types"])
    _, artist = services(people["user"])
    persons = artist.user_context({})["body"]["persons"]
    assert "email" not in persons[0] and {"full_name", "role"} <= set(persons[0])
    _, outsider = services(people["outsider"])
    assert outsider.user_context({})["body"]["projects"] == []


def test_saved_filters_and_groups(services, studio, events, refused):
    people, project = studio["people"], studio["project"]
    _, artist = services(people["user"])
    _, manager = services(people["manager"])
    group = artist.create_user_filter_group({"body": {
        "name": "Mine", "color": "#ff0000", "list_type": "asset",
        "project_id": project["id"], "is_shared": True}})
    assert group["status"] == 201 and group["body"]["is_shared"] is False  # artists can't
    group = group["body"]
    assert events("search-filter-group:new")[-1]["data"] == {
        "search_filter_group_id": group["id"]}
    made = artist.create_user_filter({"body": {
        "name": "Props", "query": "props", "list_type": "asset",
        "project_id": project["id"], "search_filter_group_id": group["id"]}})["body"]
    assert made["search_query"] == "props" and made["person_id"] == str(people["user"].id)
    assert made["type"] == "SearchFilter"
    listed = artist.user_filters({})["body"]
    assert [f["id"] for f in listed["asset"][project["id"]]] == [made["id"]]
    assert artist.user_filter_groups({})["body"]["asset"][project["id"]][0]["id"] \
        == group["id"]
    # another person neither sees nor changes an unshared filter
    assert manager.user_filters({})["body"] == {}
    for call, args in ((manager.update_user_filter, {"params": {"filter_id": made["id"]},
                                                     "body": {"name": "X"}}),
                       (manager.delete_user_filter, {"params": {"filter_id": made["id"]}}),
                       (manager.user_filter_group, {"params": {
                           "filter_group_id": group["id"]}})):
        assert refused(call, args)[0] == "NotFound"
    updated = artist.update_user_filter({"params": {"filter_id": made["id"]},
                                         "body": {"name": "Props 2"}})["body"]
    assert updated["name"] == "Props 2"
    assert events("search-filter:update")[-1]["payload"]["changes"]["name"] == [
        "Props", "Props 2"]
    assert refused(artist.create_user_filter, {"body": {"query": "x"}}) == (
        "Invalid", "Validation error.")
    # a manager of the production shares theirs; a filter shares as its group does
    shared = manager.create_user_filter_group({"body": {
        "name": "Team", "list_type": "shot", "project_id": project["id"],
        "is_shared": True}})["body"]
    assert shared["is_shared"] is True
    assert refused(manager.create_user_filter, {"body": {
        "name": "F", "query": "q", "list_type": "shot", "project_id": project["id"],
        "search_filter_group_id": shared["id"]}})[0] == "Invalid"
    assert artist.user_filter_groups({})["body"]["shot"][project["id"]][0]["id"] \
        == shared["id"]
    # deleting a group deletes its filters
    artist.delete_user_filter_group({"params": {"filter_group_id": group["id"]}})
    assert events("search-filter:delete")[-1]["data"] == {"search_filter_id": made["id"]}
    assert artist.user_filters({})["body"] == {}


def test_generic_filter_and_chat_crud_is_for_admins(services, studio, refused):
    people = studio["people"]
    _, admin = services(people["admin"])
    _, artist = services(people["user"])
    made = admin.crud_create({"route": FILTERS, "body": {
        "list_type": "todo", "name": "A", "search_query": "a"}})["body"]
    assert admin.crud_get({"route": FILTERS, "params": {"instance_id": made["id"]}})[
        "body"]["name"] == "A"
    for route in (FILTERS, GROUPS, {"model": "chats"}, {"model": "chat-messages"}):
        assert refused(artist.crud_list, {"route": route})[0] == "Forbidden"


def test_entity_chats(services, studio, events, refused):
    people = studio["people"]
    shot = studio["shots"][0]
    where = {"entity_id": shot["id"]}
    _, artist = services(people["user"])
    _, manager = services(people["manager"])
    chat = artist.entity_chat({"params": where})["body"]
    assert chat["object_id"] == shot["id"] and chat["participants"] == []
    assert chat["messages"] == []
    assert events("chat:new")[-1]["data"] == {"chat_id": chat["id"]}
    assert refused(artist.post_chat_message, {"params": where, "body": {
        "message": "hi"}}) == ("Invalid", "You are not a participant of this chat")
    joined = artist.join_chat({"params": where})["body"]
    assert joined["id"] == chat["id"] and "participants" not in joined
    assert events("chat:joined")[-1]["data"] == {"chat_id": chat["id"],
                                                 "person_id": str(people["user"].id)}
    message = artist.post_chat_message({"params": where, "body": {"message": "hi"}})
    assert message["status"] == 201
    message = message["body"]
    assert message["text"] == "hi" and message["attachment_files"] == []
    assert events("chat:new-message")[-1]["data"] == {
        "chat_id": chat["id"], "chat_message_id": message["id"],
        "last_message": message["created_at"]}
    assert [m["id"] for m in manager.entity_chat_messages({"params": where})["body"]] \
        == [message["id"]]
    assert manager.chat_message({"params": {**where, "chat_message_id": message["id"]}})[
        "body"]["text"] == "hi"
    other = {"entity_id": studio["shots"][1]["id"], "chat_message_id": message["id"]}
    assert refused(manager.chat_message, {"params": other})[0] == "Forbidden"
    assert refused(manager.delete_chat_message, {"params": {
        **where, "chat_message_id": message["id"]}})[0] == "Forbidden"
    (mine,) = artist.user_chats({})["body"]
    assert mine["entity_name"] == "SQ01 / SH010" and mine["last_message"] \
        == message["created_at"]
    assert manager.user_chats({})["body"] == []
    _, outsider = services(people["outsider"])
    assert refused(outsider.entity_chat, {"params": where})[0] == "Forbidden"
    artist.delete_chat_message({"params": {**where, "chat_message_id": message["id"]}})
    assert events("chat:deleted-message")[-1]["data"] == {
        "chat_id": chat["id"], "chat_message_id": message["id"]}
    assert artist.leave_chat({"params": where})["status"] == 204
    assert artist.user_chats({})["body"] == []


def test_tasks_to_check(services, studio, refused):
    people, project = studio["people"], studio["project"]
    _, manager = services(people["manager"])
    animation = studio["task_types"][("Animation", "Shot")]
    manager.add_task_type_setting({"params": {"project_id": project["id"]},
                                   "body": {"task_type_id": animation["id"]}})
    waiting, other = [_assign(manager, shot, animation, people["user"])
                      for shot in studio["shots"]]
    manager.clear_assignations({"body": {"task_ids": [other["id"]]}})
    wfa = studio["statuses"]["wfa"]
    for task in (waiting, other):
        manager.crud_update({"route": {"model": "tasks"}, "params": {
            "instance_id": task["id"]}, "body": {"task_status_id": wfa["id"],
                                                 "estimation": 2}})
    listed = manager.user_tasks_to_check({"query": {}})["body"]
    assert {t["id"] for t in listed} == {waiting["id"], other["id"]}
    row = next(t for t in listed if t["id"] == waiting["id"])
    assert row["entity_name"] == "SH010" and row["task_status_short_name"] == "wfa"
    assert row["assignees"] == [str(people["user"].id)]
    unassigned = manager.user_tasks_to_check({"query": {"person_id": "unassigned"}})["body"]
    assert [t["id"] for t in unassigned] == [other["id"]]
    paged = manager.user_tasks_to_check({"query": {"page": "1", "limit": "1"}})["body"]
    assert paged["stats"] == {"total": 2, "total_duration": 0, "total_estimation": 4}
    assert len(paged["data"]) == 1 and paged["is_more"] is True
    values = manager.user_tasks_to_check_filter_values({})["body"]
    assert values["project_ids"] == [project["id"]]
    assert values["person_ids"] == [str(people["user"].id)]
    _, artist = services(people["user"])
    assert artist.user_tasks_to_check({"query": {}})["body"] == []
    assert artist.user_tasks_to_check_filter_values({})["body"]["project_ids"] == []
    assert refused(manager.user_tasks_to_check, {"query": {"project_id": "x"}}) == (
        "Invalid", "Wrong UUID format.")


def test_search_by_name(services, studio, create_person, refused, wait_until):
    people, project = studio["people"], studio["project"]
    create_person(first_name="Adalbert", last_name="Stone")
    _, artist = services(people["user"])
    wait_until(lambda: artist.search({"body": {"query": "adalbert"}})["body"]["persons"])
    found = artist.search({"body": {"query": "ada", "limit": 5}})["body"]
    assert [(a["name"], a["asset_type_name"], a["matched_terms"]) for a in found["assets"]] \
        == [("Ada", "Character", ["name"])]
    assert found["assets"][0]["project_name"] == project["name"]
    assert [p["full_name"] for p in found["persons"]] == ["Adalbert Stone"]
    assert "email" not in found["persons"][0] and found["shots"] == []
    shots = artist.search({"body": {"query": "SQ01", "index_names": ["shots"],
                                    "limit": 5}})["body"]
    assert [(s["name"], s["sequence_name"]) for s in shots["shots"]] == [
        ("SH010", "SQ01"), ("SH020", "SQ01")]
    assert artist.search({"body": {"query": "ad"}})["body"] == {}
    _, outsider = services(people["outsider"])
    assert outsider.search({"body": {"query": "ada"}})["body"]["assets"] == []
    assert refused(artist.search, {"body": {"query": "ada", "limit": 0}})[0] == "Invalid"
    assert refused(artist.search, {"body": {}})[0] == "Invalid"


def test_a_deleted_production_takes_its_saved_filters(services, studio, events, wait_until):
    people = studio["people"]
    catalog, admin = services(people["admin"])
    project = catalog.crud_create({"route": {"model": "projects"}, "body": {
        "name": "Short-lived", "team": [str(people["user"].id)]}})["body"]
    _, artist = services(people["user"])
    group = artist.create_user_filter_group({"body": {
        "name": "G", "project_id": project["id"]}})["body"]
    kept = artist.create_user_filter({"body": {"name": "everywhere", "query": "q"}})["body"]
    artist.create_user_filter({"body": {"name": "in G", "query": "q",
                                        "search_filter_group_id": group["id"]}})
    closed = next(s for s in catalog.crud_list({"route": {"model": "project-status"}})[
        "body"] if s["name"] == "Closed")
    where = {"route": {"model": "projects"}, "params": {"instance_id": project["id"]}}
    catalog.crud_update({**where, "body": {"project_status_id": closed["id"]}})
    catalog.crud_delete(where)
    wait_until(lambda: events("search-filter-group:delete"))
    assert [e["data"] for e in events("search-filter-group:delete")] == [
        {"search_filter_group_id": group["id"]}]
    assert len(events("search-filter:delete")) == 1
    remaining = admin.crud_list({"route": {"model": "search-filters"}})["body"]
    assert [f["id"] for f in remaining] == [kept["id"]]
