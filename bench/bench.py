"""Load a running Slate suite with wrk and report req/s, p50 and p99 per endpoint.

    python bench/bench.py --url http://127.0.0.1:8080 --email admin@... --password ...

Same method as ../shared/api/zou-perf-baseline.md (wrk -t2 -c16 -d15s --latency, Bearer
header, admin user) so the numbers sit beside Zou's. It seeds what it needs on first run,
through the public API: 14 persons, a production "Bench" of 100 assets and 500 shots
(10 sequences of 50), an Animation task on each shot, and an artist assigned 50 of them.
`--only auth|catalog|tasks|comments` runs one group. Install wrk with
`apt-get install wrk` if it is missing.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import uuid

import requests

# Zou 1.0.97 on this machine (zou-perf-baseline.md, 2x sync, best quiet run): req/s, p50, p99.
ZOU = {"GET /data/persons": (364, 40, 255), "GET /data/projects/{id}": (144, 108, 162),
       "GET /data/tasks?project_id= (500)": (51, 284, 613),
       "POST /actions/tasks/{id}/comment": (45, 348, 438)}
BENCH_PROJECT, ASSETS, SEQUENCES, SHOTS_PER_SEQUENCE = "Bench", 100, 10, 50
COMMENT_LUA = """
ids = {%s}
i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '%s'
request = function()
  i = i + 1
  return wrk.format(nil, "/actions/tasks/" .. ids[(i %% #ids) + 1] .. "/comment")
end
"""
LOGIN_LUA = """
wrk.method = "POST"
wrk.body   = '%s'
wrk.headers["Content-Type"] = "application/json"
"""


def login(url, email, password):
    reply = requests.post(url + "/auth/login", json={"email": email, "password": password})
    reply.raise_for_status()
    return reply.json()["access_token"]


def seed_persons(url, headers, count):
    existing = requests.get(url + "/data/persons", headers=headers).json()
    for index in range(len(existing), count):
        requests.post(url + "/data/persons", headers=headers, json={
            "first_name": "Bench%03d" % index, "last_name": "Artist",
            "email": "bench-%s@studio.example" % uuid.uuid4().hex[:8]}).raise_for_status()
    return requests.get(url + "/data/persons", headers=headers).json()


def seed_production(url, headers):
    """The "Bench" production with its assets and shots (created once, then reused)."""
    projects = requests.get(url + "/data/projects", headers=headers,
                            params={"name": BENCH_PROJECT}).json()
    if projects:
        return projects[0]
    project = _post(url + "/data/projects", headers, {"name": BENCH_PROJECT})
    where = url + "/data/projects/" + project["id"]
    asset_type = requests.get(url + "/data/asset-types", headers=headers).json()[0]
    for index in range(ASSETS):
        _post("%s/asset-types/%s/assets/new" % (where, asset_type["id"]), headers,
              {"name": "asset%03d" % index, "description": "Bench asset"})
    for number in range(SEQUENCES):
        sequence = _post(where + "/sequences", headers, {"name": "SQ%02d" % number})
        for index in range(SHOTS_PER_SEQUENCE):
            _post(where + "/shots", headers, {
                "name": "SH%03d" % (index * 10), "sequence_id": sequence["id"],
                "nb_frames": 48, "data": {"frame_in": 1, "frame_out": 48}})
    return project


def seed_tasks(url, headers, project):
    """An Animation task on each of the production's 500 shots (created once), and an
    artist of its team assigned 50 of them (None where persons cannot be made)."""
    where = "%s/data/projects/%s" % (url, project["id"])
    animation = next(t for t in requests.get(url + "/data/task-types", headers=headers).json()
                     if t["name"] == "Animation")
    tasks = requests.get(url + "/data/tasks", headers=headers,
                         params={"project_id": project["id"]}).json()
    if not tasks:
        _post(where + "/settings/task-types", headers, {"task_type_id": animation["id"]})
        _post("%s/actions/projects/%s/task-types/%s/shots/create-tasks" % (
            url, project["id"], animation["id"]), headers, [])
        tasks = requests.get(url + "/data/tasks", headers=headers,
                             params={"project_id": project["id"]}).json()
    return tasks, _artist(url, headers, project, tasks[:50])


def _artist(url, headers, project, tasks):
    email, password = "bench-artist@studio.example", "bench-artist-password"
    found = requests.get(url + "/data/persons", headers=headers, params={"email": email})
    if found.ok and found.json():
        return login(url, email, password)
    made = requests.post(url + "/data/persons", headers=headers, json={
        "first_name": "Bench", "last_name": "Artist", "email": email, "password": password})
    if not made.ok:
        return None  # Zou refuses emails whose domain it cannot resolve
    artist = made.json()["id"]
    _post("%s/data/projects/%s/team" % (url, project["id"]), headers, {"person_id": artist})
    requests.put("%s/actions/persons/%s/assign" % (url, artist), headers=headers,
                 json={"task_ids": [task["id"] for task in tasks]}).raise_for_status()
    return login(url, email, password)


def _post(url, headers, body):
    reply = requests.post(url, headers=headers, json=body)
    reply.raise_for_status()
    return reply.json()


def wrk(url, seconds, headers=None, script=None):
    command = ["wrk", "-t2", "-c16", "-d%ds" % seconds, "--latency", url]
    for name, value in (headers or {}).items():
        command += ["-H", "%s: %s" % (name, value)]
    if script:
        command += ["-s", script]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse(output)


def _ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def parse(output):
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rate, "p50": p50, "p99": p99, "non2xx": int(errors.group(1)) if errors else 0}


def run(args):
    token = login(args.url, args.email, args.password)
    headers = {"Authorization": "Bearer " + token}
    persons = seed_persons(args.url, headers, args.persons) if args.only in (None, "auth") \
        else []
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(LOGIN_LUA % json.dumps({"email": args.email, "password": args.password}))
    cases = []
    if args.only in (None, "auth"):
        cases += [("GET /data/persons", args.url + "/data/persons", headers, None),
                  ("GET /data/persons/{id}", args.url + "/data/persons/" + persons[0]["id"],
                   headers, None),
                  ("POST /auth/login", args.url + "/auth/login", {}, lua.name)]
    if args.only in (None, "catalog"):
        project = seed_production(args.url, headers)["id"]
        cases += [
            ("GET /data/projects/{id}", args.url + "/data/projects/" + project, headers, None),
            ("GET /data/projects/{id}/assets (100)",
             "%s/data/projects/%s/assets" % (args.url, project), headers, None),
            ("GET /data/shots?project_id= (500)",
             "%s/data/shots?project_id=%s" % (args.url, project), headers, None)]
    if args.only in (None, "tasks", "comments"):
        cases += [case for case in task_cases(args.url, headers)
                  if args.only != "comments" or case[0].startswith("POST")]
    results = {}
    for name, url, case_headers, script in cases:
        runs = [wrk(url, args.seconds, case_headers, script) for _ in range(args.repeat)]
        results[name] = runs
    for script in {case[3] for case in cases if case[3]} | {lua.name}:
        os.unlink(script)
    return results, len(persons)


def task_cases(url, headers):
    project = seed_production(url, headers)
    tasks, artist_token = seed_tasks(url, headers, project)
    wip = next(s for s in requests.get(url + "/data/task-status", headers=headers).json()
               if s["short_name"] == "wip")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(COMMENT_LUA % (", ".join('"%s"' % task["id"] for task in tasks),
                                 json.dumps({"task_status_id": wip["id"],
                                             "comment": "Bench note"})))
    cases = [("GET /data/tasks?project_id= (500)",
              "%s/data/tasks?project_id=%s" % (url, project["id"]), headers, None)]
    if artist_token:
        cases.append(("GET /data/user/tasks (artist, 50)", url + "/data/user/tasks",
                      {"Authorization": "Bearer " + artist_token}, None))
    cases.append(("POST /actions/tasks/{id}/comment", url, headers, lua.name))
    return cases


def report(results, persons):
    if persons:
        print("persons in the database: %d\n" % persons)
    print("| endpoint | req/s (median) | p50 ms | p99 ms | non-2xx | Zou req/s (p99 ms) | ratio |")
    print("|---|---|---|---|---|---|---|")
    for name, runs in results.items():
        rps = statistics.median(r["rps"] for r in runs)
        p50 = statistics.median(r["p50"] for r in runs)
        p99 = statistics.median(r["p99"] for r in runs)
        bad = sum(r["non2xx"] for r in runs)
        zou = ZOU.get(name)
        ratio = "%.1f×" % (rps / zou[0]) if zou else "—"
        print("| %s | %.0f | %.1f | %.1f | %d | %s | %s |" % (
            name, rps, p50, p99, bad, "%d (%d)" % (zou[0], zou[2]) if zou else "—", ratio))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--email", default=os.environ.get("SLATE_ADMIN_EMAIL"))
    parser.add_argument("--password", default=os.environ.get("SLATE_ADMIN_PASSWORD"))
    parser.add_argument("--persons", type=int, default=14, help="persons to have (Zou's run had 14)")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("auth", "catalog", "tasks", "comments"),
                        help="run one group (comments: the tasks group's comment case)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    report(*run(args))


if __name__ == "__main__":
    main()
