"""An asset instance's output files over real RPC: the instance comes from the catalog
through the tasks service's read model; paths from the tree's `instance` templates;
publishing, next revision, listings; refusals leave nothing written."""
TREE = {"output": {"mountpoint": "/out", "root": "", "folder_path": {
    "shot": "<Shot>/<OutputType>",
    "instance": "<Sequence>/<Shot>/<AssetType>/<Asset>/<Instance>/<OutputType>/"
                "<Representation>",
    "instance_asset": "<Asset>/in/<Instance.number>", "style": "lowercase"},
    "file_name": {"shot": "<Shot>_<OutputFile>",
                  "instance": "<Shot>_<Asset>_<Instance.number>_<OutputFile>_v<Revision>",
                  "instance_asset": "<Asset>_<Instance>", "style": "lowercase"}}}


def test_paths_publications_and_listings(services, studio, instance, with_tree, events):
    with_tree(TREE)
    people, where, kind = studio["people"], instance["where"], instance["kind"]
    _, artist = services(people["user"])
    path = artist.instance_output_file_path({"params": where, "body": {
        **kind, "representation": "abc", "revision": 3}})
    assert (path["status"], path["body"]) == (200, {
        "folder_path": "/out/sq01/sh010/character/ada/ada_0001/cache/abc",
        "file_name": "sh010_ada_0001_main_v003"})

    def publish(**body):
        return artist.new_instance_output_file({"params": where, "body": {**kind, **body}})

    first = publish(extension=".abc", comment="layout")
    assert first["status"] == 201
    row = first["body"]
    assert (row["entity_id"], row["asset_instance_id"], row["temporal_entity_id"]) == (
        studio["asset"]["id"], instance["row"]["id"], studio["shots"][0]["id"])
    assert (row["revision"], row["person_id"]) == (1, str(people["user"].id))
    assert row["path"] == "/out/sq01/sh010/character/ada/ada_0001/cache//" \
                          "sh010_ada_0001_main_v001.abc"
    assert publish(nb_elements=3)["body"]["file_name"] == "sh010_ada_0001_main_v002"
    publish(output_type_id=instance["render"]["id"], representation="exr")
    assert [e["data"]["output_file_id"] for e in events("output-file:new")][0] == row["id"]
    again = publish(revision=2)
    assert (again["status"], again["body"]) == (400, {
        "message": "The given output file already exists."})

    def read(call, **extra):
        return call({"params": {**where, **extra.pop("params", {})}, "query": extra,
                     "body": kind})["body"]

    assert read(artist.next_instance_output_revision) == {"next_revision": 3}
    assert sorted((f["output_type_id"], f["revision"]) for f in read(
        artist.last_instance_output_files)) == sorted([
            (instance["cache"]["id"], 2), (instance["render"]["id"], 1)])
    assert [t["name"] for t in read(artist.instance_output_types)] == ["Cache", "Render"]
    assert [f["representation"] for f in read(artist.instance_output_type_files, params={
        "output_type_id": instance["render"]["id"]})] == ["exr"]
    listed = artist.instance_output_files({"params": where, "query": {
        "output_type_id": instance["cache"]["id"]}})["body"]
    assert [f["revision"] for f in listed] == [2, 1]
    other_shot = {**where, "temporal_entity_id": studio["shots"][1]["id"]}
    assert read(artist.instance_output_types, params=other_shot) == []
    asset = {"entity_id": studio["asset"]["id"]}
    assert artist.entity_output_files({"params": asset, "query": {}})["body"] == []
    # As Zou, the asset's own next revision counts its instances' outputs.
    assert artist.next_output_revision({"params": asset, "body": kind})["body"] == {
        "next_revision": 3}


def test_an_instance_inside_an_asset_uses_its_own_template(services, studio, with_tree,
                                                          instance, instance_followed):
    with_tree(TREE)
    catalog, _ = services(studio["people"]["admin"])
    prop = next(t for t in catalog.asset_types({})["body"] if t["name"] == "Prop")
    sword = catalog.new_asset({"params": {"project_id": studio["project"]["id"],
                                          "asset_type_id": prop["id"]},
                               "body": {"name": "Sword"}})["body"]
    inside = catalog.add_asset_asset_instance({"params": {"asset_id": studio["asset"]["id"]},
                                               "body": {"asset_to_instantiate_id": sword[
                                                   "id"]}})["body"]
    instance_followed(inside["id"])
    _, artist = services(studio["people"]["user"])
    reply = artist.instance_output_file_path({"params": {
        "asset_instance_id": inside["id"], "temporal_entity_id": studio["asset"]["id"]},
        "body": instance["kind"]})
    assert reply["body"] == {"folder_path": "/out/sword/in/0001",
                             "file_name": "sword_sword_0001"}


def test_refusals_write_nothing(services, studio, instance, with_tree, events, refused,
                                every_role):
    where, kind = instance["where"], instance["kind"]
    _, artist = services(studio["people"]["user"])
    missing = refused(artist.new_instance_output_file, {"params": where, "body": {
        "output_type_id": kind["output_type_id"]}})
    assert missing == ("Invalid", "Validation error.")
    unknown = "9e3c7ab6-5c2f-4a4e-9c7e-4d6f1f0a0b1c"
    for params in ({**where, "asset_instance_id": unknown},
                   {**where, "temporal_entity_id": unknown},
                   {**where, "asset_instance_id": "nope"}):
        assert refused(artist.new_instance_output_file, {
            "params": params, "body": kind})[0] == "NotFound"
    reply = artist.new_instance_output_file({"params": where, "body": {
        **kind, "output_type_id": unknown}})
    assert (reply["status"], reply["body"]) == (400, {
        "message": "Cannot find given output type."})
    reply = artist.new_instance_output_file({"params": where, "body": kind})
    assert (reply["status"], reply["body"]) == (400, {
        "message": "No tree can be found for given project."})
    with_tree({"output": {"mountpoint": "/out", "root": "", "folder_path": {
        "shot": "<Shot>"}, "file_name": {"shot": "<Shot>"}}})
    path = artist.instance_output_file_path({"params": where, "body": kind})
    assert (path["status"], path["body"]) == (400, {"message": "", "received_data": kind})
    assert artist.new_instance_output_file({"params": where, "body": kind})["status"] == 400
    assert events("output-file:new") == [] and events("file-status:new") == []

    _, outsider = services(studio["people"]["outsider"])
    for call in (outsider.instance_output_file_path, outsider.new_instance_output_file,
                 outsider.next_instance_output_revision, outsider.last_instance_output_files,
                 outsider.instance_output_types, outsider.instance_output_files):
        assert refused(call, {"params": where, "body": kind})[0] == "Forbidden"
    _, vendor = services(every_role["vendor"])
    assert refused(vendor.instance_output_file_path, {
        "params": where, "body": kind})[0] == "Forbidden"
    assert vendor.instance_output_files({"params": where})["body"] == []


def test_the_read_model_follows_the_instance(services, studio, instance, instance_followed,
                                            refused):
    catalog, admin = services(studio["people"]["admin"])
    crud = {"route": {"model": "asset-instances"},
            "params": {"instance_id": instance["row"]["id"]}}
    catalog.crud_delete(crud)
    instance_followed(instance["row"]["id"], present=False)
    assert refused(admin.instance_output_files, {
        "params": instance["where"]})[0] == "NotFound"
