#!/usr/bin/python3
"""Probe a real Glance (started by start.sh) and record exactly how it answers.

Usage:
  probe.py --url http://127.0.0.1:9393 --out /tmp/oracle/raw --name sqlite [SECTION ...]

Sections (default: all that make sense for a plain legacy instance):
  images      POST/GET/PATCH/DELETE /v2/images cases
  list        GET /v2/images filters
  patch       PATCH cases, private<->shared with members
  delete      DELETE image then member calls on it
  roots       /, /versions, /v2, /v2/, schemas (saved verbatim)
  errors      error bodies for each Accept (404, 400, 401, 405, unknown path, 409)
  errors413   413 error bodies (run against an instance with image_member_quota=2)
  errors500   500 error bodies (run against MariaDB: a 256-char member id)
  memberids   odd member ids (length, unicode, spaces, slash, case, trailing space)
  bodies      POST/PUT member body variants
  transport   request Content-Types, chunked bodies, GET with a body
  identity    X-Roles / X-Project-Id / X-Identity-Status variants
  extras      request-id echo rules, role spellings, owner-as-member, 204/500 headers, collation
  rbac        role-dependent cases (run on a legacy and a --secure-rbac instance and compare)

Typical full run (see README.md): the default sections against sqlite and mariadb instances,
`errors500` against mariadb, `errors413` against an instance started with
--image-member-quota 2, `rbac extras` against a --secure-rbac instance. The persona x visibility x operation
matrix is a set of conformance cases (src/conformance/cases/member-matrix.ts), recorded
per profile and policy by `npm run conformance:record`.

Each request is written to OUT/NAME-SECTION.txt (human readable: status, every response
header in order, body as Python repr) and OUT/NAME-SECTION.jsonl (one JSON object per
request). Saved verbatim files go to OUT/NAME-verbatim-*.  Only 127.0.0.1 is contacted.
Project ids carry a per-run suffix so runs against the same instance do not interfere.
"""
import argparse
import http.client
import json
import os
import random
import string
import sys
import time
import urllib.parse

RUN = "".join(random.choice(string.ascii_lowercase) for _ in range(5))


def proj(name):
    return "%s-%s" % (name, RUN)


PERSONAS = {
    "owner": {"project": proj("owner"), "user": "u-owner", "roles": "member,reader"},
    "member": {"project": proj("member"), "user": "u-member", "roles": "member,reader"},
    "member2": {"project": proj("member2"), "user": "u-member2", "roles": "member,reader"},
    "stranger": {"project": proj("stranger"), "user": "u-stranger", "roles": "member,reader"},
    "admin": {"project": proj("admin"), "user": "u-admin", "roles": "admin,member,reader"},
}

PATCH_CT = "application/openstack-images-v2.1-json-patch"
NOBODY = object()


def ident(who):
    if who is None:
        return {}
    p = PERSONAS[who] if isinstance(who, str) else who
    h = {"X-Identity-Status": "Confirmed"}
    if p.get("project") is not None:
        h["X-Project-Id"] = p["project"]
    if p.get("user") is not None:
        h["X-User-Id"] = p["user"]
    if p.get("roles") is not None:
        h["X-Roles"] = p["roles"]
    return h


class Resp(object):
    def __init__(self, status, reason, headers, body):
        self.status, self.reason, self.headers, self.body = status, reason, headers, body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except Exception:
            return None

    @property
    def ctype(self):
        return self.header("Content-Type")

    def text(self):
        """The message of a Glance error, whatever the format; else the body."""
        j = self.json()
        if isinstance(j, dict) and "message" in j:
            return j["message"]
        b = self.body.decode("utf-8", "replace")
        if b.startswith("%d " % self.status):
            parts = b.split("\n\n")
            if len(parts) >= 2:
                return parts[1]
        return b


class Prober(object):
    def __init__(self, url, out, name):
        u = urllib.parse.urlsplit(url)
        assert u.hostname in ("127.0.0.1", "localhost", "::1"), "loopback only"
        self.host, self.port = u.hostname, u.port or 80
        self.out, self.name = out, name
        self.section = None
        self.txt = self.jsonl = None
        self.summary = []

    def start(self, section):
        self.close()
        self.section = section
        base = os.path.join(self.out, "%s-%s" % (self.name, section))
        self.txt = open(base + ".txt", "w", encoding="utf-8")
        self.jsonl = open(base + ".jsonl", "w", encoding="utf-8")
        self.txt.write("# %s / %s  (run suffix %s, personas %s)\n\n" % (
            self.name, section, RUN,
            ", ".join("%s=%s[%s]" % (k, v["project"], v["roles"]) for k, v in PERSONAS.items())))

    def close(self):
        for f in (self.txt, self.jsonl):
            if f:
                f.close()
        self.txt = self.jsonl = None

    def save(self, fname, data):
        with open(os.path.join(self.out, "%s-verbatim-%s" % (self.name, fname)), "wb") as f:
            f.write(data)

    def call(self, label, method, path, who=None, body=NOBODY, json_body=NOBODY, ctype=None,
             accept=None, headers=None, chunked=False, quiet=False):
        hdrs = ident(who)
        data = None
        if json_body is not NOBODY:
            data = json.dumps(json_body).encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        elif body is not NOBODY:
            data = body if isinstance(body, bytes) else body.encode("utf-8")
        if ctype is not None:
            if ctype == "":
                hdrs.pop("Content-Type", None)
            else:
                hdrs["Content-Type"] = ctype
        if accept is not None:
            hdrs["Accept"] = accept
        for k, v in (headers or {}).items():
            if v is None:
                hdrs.pop(k, None)
            else:
                hdrs[k] = v
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            if chunked:
                def gen():
                    half = len(data) // 2
                    yield data[:half]
                    yield data[half:]
                conn.request(method, path, body=gen(), headers=hdrs, encode_chunked=True)
            else:
                conn.request(method, path, body=data, headers=hdrs)
            r = conn.getresponse()
            rb = r.read()
            resp = Resp(r.status, r.reason, r.getheaders(), rb)
        finally:
            conn.close()
        if self.txt and not quiet:
            t = self.txt
            t.write("### %s\n" % label)
            t.write("> %s %s\n" % (method, path))
            for k, v in hdrs.items():
                t.write("> %s: %s\n" % (k, v))
            if data is not None:
                t.write("> body%s: %r\n" % (" (chunked)" if chunked else "", data))
            t.write("< %d %s\n" % (resp.status, resp.reason))
            for k, v in resp.headers:
                t.write("< %s: %s\n" % (k, v))
            t.write("< body: %r\n\n" % (resp.body,))
            t.flush()
            self.jsonl.write(json.dumps({
                "label": label, "method": method, "path": path, "req_headers": hdrs,
                "req_body": None if data is None else data.decode("utf-8", "replace"),
                "chunked": chunked, "status": resp.status, "reason": resp.reason,
                "headers": resp.headers, "body": resp.body.decode("utf-8", "replace"),
                "body_repr": repr(resp.body)}) + "\n")
            self.jsonl.flush()
        return resp

    # -------------------------------------------------------------- helpers
    def mkimage(self, who="owner", visibility="shared", members=(), name=None, **extra):
        """Create an image (as `who`), add members while shared, then set `visibility`."""
        body = {"name": name or "probe-%s" % RUN}
        body.update(extra)
        if visibility in ("shared", "private", "community") and members:
            body["visibility"] = "shared"
        elif visibility is not None:
            body["visibility"] = visibility
        r = self.call("fixture create", "POST", "/v2/images", who, json_body=body, quiet=True)
        assert r.status == 201, (r.status, r.body)
        iid = r.json()["id"]
        for m in members:
            mp = PERSONAS[m]["project"] if m in PERSONAS else m
            rr = self.call("fixture add member", "POST", "/v2/images/%s/members" % iid, who,
                           json_body={"member": mp}, quiet=True)
            assert rr.status == 200, (rr.status, rr.body)
        if members and visibility not in ("shared", None):
            self.patch_vis(iid, visibility, who)
        return iid

    def patch_vis(self, iid, vis, who="owner", quiet=True):
        r = self.call("fixture patch visibility=%s" % vis, "PATCH", "/v2/images/%s" % iid, who,
                      body=json.dumps([{"op": "replace", "path": "/visibility", "value": vis}]),
                      ctype=PATCH_CT, quiet=quiet)
        assert r.status == 200, (r.status, r.body)
        return r

    def set_member(self, iid, member, status):
        r = self.call("fixture member %s -> %s" % (member, status), "PUT",
                      "/v2/images/%s/members/%s" % (iid, PERSONAS[member]["project"]), member,
                      json_body={"status": status}, quiet=True)
        assert r.status == 200, (r.status, r.body)

    def note(self, line):
        self.summary.append(line)
        if self.txt:
            self.txt.write("## NOTE %s\n\n" % line)


def short(r):
    return "%d %s %r" % (r.status, r.ctype, r.body[:400])


def ids_of(r):
    j = r.json() or {}
    return [i["id"] for i in j.get("images", [])]


# ====================================================================== sections
def s_images(p):
    p.start("images")
    c = p.call
    r = c("create shared as owner", "POST", "/v2/images", "owner",
          json_body={"name": "x", "visibility": "shared"})
    iid = r.json()["id"]
    c("create with Host header foo.example:1234", "POST", "/v2/images", "owner",
      json_body={"name": "x"}, headers={"Host": "foo.example:1234"})
    c("create no visibility (default?)", "POST", "/v2/images", "owner", json_body={"name": "x"})
    c("create {} (no name)", "POST", "/v2/images", "owner", json_body={})
    c("create private", "POST", "/v2/images", "owner", json_body={"name": "x", "visibility": "private"})
    c("create community non-admin", "POST", "/v2/images", "owner",
      json_body={"name": "x", "visibility": "community"})
    c("create public non-admin", "POST", "/v2/images", "owner",
      json_body={"name": "x", "visibility": "public"})
    c("create public admin", "POST", "/v2/images", "admin",
      json_body={"name": "x", "visibility": "public"})
    c("create admin owner=null", "POST", "/v2/images", "admin",
      json_body={"name": "x", "visibility": "shared", "owner": None})
    c("create admin owner=other", "POST", "/v2/images", "admin",
      json_body={"name": "x", "visibility": "shared", "owner": "other"})
    c("create non-admin owner=other", "POST", "/v2/images", "owner",
      json_body={"name": "x", "visibility": "shared", "owner": "other"})
    c("create non-admin owner=own project", "POST", "/v2/images", "owner",
      json_body={"name": "x", "visibility": "shared", "owner": PERSONAS["owner"]["project"]})
    c("create non-admin owner=null", "POST", "/v2/images", "owner",
      json_body={"name": "x", "owner": None})
    c("create extra prop foo=bar", "POST", "/v2/images", "owner", json_body={"name": "x", "foo": "bar"})
    c("create extra prop foo=123 (number)", "POST", "/v2/images", "owner", json_body={"name": "x", "foo": 123})
    c("create extra prop foo=null", "POST", "/v2/images", "owner", json_body={"name": "x", "foo": None})
    c("create extra prop foo=true", "POST", "/v2/images", "owner", json_body={"name": "x", "foo": True})
    c("create extra prop foo={}", "POST", "/v2/images", "owner", json_body={"name": "x", "foo": {}})
    c("create extra prop 256-char key", "POST", "/v2/images", "owner", json_body={"name": "x", "k" * 256: "v"})
    c("create extra prop 256-char value", "POST", "/v2/images", "owner", json_body={"name": "x", "foo": "v" * 256})
    c("create visibility bogus", "POST", "/v2/images", "owner", json_body={"name": "x", "visibility": "bogus"})
    c("create visibility null", "POST", "/v2/images", "owner", json_body={"name": "x", "visibility": None})
    c("create name 255 chars", "POST", "/v2/images", "owner", json_body={"name": "n" * 255})
    c("create name 256 chars", "POST", "/v2/images", "owner", json_body={"name": "n" * 256})
    c("create name number", "POST", "/v2/images", "owner", json_body={"name": 5})
    c("create name null", "POST", "/v2/images", "owner", json_body={"name": None})
    fixed = "11111111-2222-4333-8444-%012d" % random.randint(0, 10 ** 12 - 1)
    c("create fixed id", "POST", "/v2/images", "owner", json_body={"name": "x", "id": fixed})
    c("create duplicate id (same owner)", "POST", "/v2/images", "owner", json_body={"name": "x", "id": fixed})
    c("create duplicate id (other project)", "POST", "/v2/images", "stranger", json_body={"name": "x", "id": fixed})
    c("create id not a uuid", "POST", "/v2/images", "owner", json_body={"name": "x", "id": "abc"})
    c("create no body", "POST", "/v2/images", "owner", ctype="application/json")
    c("create empty body, no content-type", "POST", "/v2/images", "owner")
    c("create [] body", "POST", "/v2/images", "owner", json_body=[])
    c("create \"str\" body", "POST", "/v2/images", "owner", json_body="str")
    c("create 123 body", "POST", "/v2/images", "owner", json_body=123)
    c("create null body", "POST", "/v2/images", "owner", json_body=None)
    c("create malformed JSON", "POST", "/v2/images", "owner", body="{bad", ctype="application/json")
    c("create read-only status", "POST", "/v2/images", "owner", json_body={"name": "x", "status": "active"})
    c("create read-only created_at", "POST", "/v2/images", "owner",
      json_body={"name": "x", "created_at": "2020-01-01T00:00:00Z"})
    c("create reserved self", "POST", "/v2/images", "owner", json_body={"name": "x", "self": "y"})
    c("create reserved schema", "POST", "/v2/images", "owner", json_body={"name": "x", "schema": "y"})
    c("create os_hidden true", "POST", "/v2/images", "owner", json_body={"name": "x", "os_hidden": True})
    c("create tags+protected+min_disk", "POST", "/v2/images", "owner",
      json_body={"name": "x", "tags": ["a", "b"], "protected": False, "min_disk": 1,
                 "disk_format": "raw", "container_format": "bare"})
    c("create as stranger (any project can create)", "POST", "/v2/images", "stranger",
      json_body={"name": "x", "visibility": "shared"})
    c("create with X-Roles reader only", "POST", "/v2/images",
      dict(PERSONAS["owner"], roles="reader"), json_body={"name": "x"})
    c("create Content-Type text/plain", "POST", "/v2/images", "owner",
      body=json.dumps({"name": "x"}), ctype="text/plain")

    # GET image
    iid2 = p.mkimage("owner", "shared", members=["member"])
    c("GET image as owner", "GET", "/v2/images/%s" % iid2, "owner")
    c("GET image as member (pending)", "GET", "/v2/images/%s" % iid2, "member")
    c("GET image as stranger", "GET", "/v2/images/%s" % iid2, "stranger")
    c("GET image as admin", "GET", "/v2/images/%s" % iid2, "admin")
    c("GET image non-uuid id", "GET", "/v2/images/abc", "owner")
    c("GET image unknown uuid", "GET", "/v2/images/00000000-0000-4000-8000-000000000000", "owner")
    c("GET image uppercase id", "GET", "/v2/images/%s" % iid2.upper(), "owner")
    c("GET image trailing slash", "GET", "/v2/images/%s/" % iid2, "owner")
    c("HEAD image", "HEAD", "/v2/images/%s" % iid2, "owner")
    iidp = p.mkimage("owner", "private")
    c("GET private image as stranger", "GET", "/v2/images/%s" % iidp, "stranger")
    iidpm = p.mkimage("owner", "private", members=["member"])
    c("GET private image (with member entry) as member", "GET", "/v2/images/%s" % iidpm, "member")
    c("list members on private image as member", "GET", "/v2/images/%s/members" % iidpm, "member")
    del iid


def s_list(p):
    p.start("list")
    c = p.call
    # A known set: owner's images, one shared with member (pending), one accepted, one rejected,
    # one public, one community, one private of stranger.  Sleep between so order is defined.
    made = {}
    for key, who, vis, members in [
        ("own_shared", "owner", "shared", []),
        ("pending", "owner", "shared", ["member"]),
        ("accepted", "owner", "shared", ["member"]),
        ("rejected", "owner", "shared", ["member"]),
        ("public", "admin", "public", []),
        ("community", "owner", "community", []),
        ("private", "owner", "private", []),
        ("member_own", "member", "private", []),
        ("hidden", "owner", "shared", ["member"]),
    ]:
        extra = {"os_hidden": True} if key == "hidden" else {}
        made[key] = p.mkimage(who, vis, members=members, name="list-%s-%s" % (RUN, key),
                              foo="bar-%s" % key, **extra)
        time.sleep(1.05)
    p.set_member(made["accepted"], "member", "accepted")
    p.set_member(made["rejected"], "member", "rejected")
    p.set_member(made["hidden"], "member", "accepted")
    rev = {v: k for k, v in made.items()}
    p.note("fixtures: " + json.dumps(made))

    def L(label, q, who="member"):
        r = c(label, "GET", "/v2/images" + q, who)
        names = [rev.get(i, "other") for i in ids_of(r)]
        j = r.json()
        keys = list(j.keys()) if isinstance(j, dict) else None
        p.note("%s [%s as %s] -> %d keys=%s ours=%s" % (label, q, who, r.status, keys,
                                                    [n for n in names if n != "other"]))
        return r

    L("default list", "")
    L("default list limit=2", "?limit=2")
    L("member_status=pending", "?member_status=pending")
    L("member_status=accepted", "?member_status=accepted")
    L("member_status=rejected", "?member_status=rejected")
    L("member_status=all", "?member_status=all")
    L("member_status=bogus", "?member_status=bogus")
    for v in ("shared", "community", "private", "public", "all", "bogus"):
        L("visibility=%s" % v, "?visibility=%s" % v)
    L("visibility=shared&member_status=all", "?visibility=shared&member_status=all")
    L("visibility=shared&member_status=pending", "?visibility=shared&member_status=pending")
    L("name filter", "?name=list-%s-accepted" % RUN)
    L("owner filter (owner project)", "?owner=%s" % PERSONAS["owner"]["project"])
    L("owner filter (self)", "?owner=%s" % PERSONAS["member"]["project"])
    L("os_hidden=true", "?os_hidden=true")
    L("os_hidden=false", "?os_hidden=false")
    L("os_hidden=bogus", "?os_hidden=bogus")
    L("foo=bar-accepted (property filter)", "?foo=bar-accepted")
    L("foo=bar (unknown value)", "?foo=bar")
    L("limit=0", "?limit=0")
    L("limit=-1", "?limit=-1")
    L("limit=abc", "?limit=abc")
    L("limit=1", "?limit=1")
    L("sort_key=name", "?sort_key=name")
    L("sort_key=name&sort_dir=asc", "?sort_key=name&sort_dir=asc")
    L("sort=name:asc", "?sort=name:asc")
    L("sort_key=bogus", "?sort_key=bogus")
    L("sort_dir=bogus", "?sort_dir=bogus")
    L("marker=unknown", "?marker=00000000-0000-4000-8000-000000000000")
    r = c("list owner limit=2", "GET", "/v2/images?limit=2", "owner")
    nxt = (r.json() or {}).get("next")
    if nxt:
        c("follow next", "GET", nxt, "owner")
    L("owner default list", "", "owner")
    L("owner visibility=shared", "?visibility=shared", "owner")
    L("stranger default list", "", "stranger")
    L("admin default list (ours)", "", "admin")
    L("admin member_status=all", "?member_status=all", "admin")
    L("admin visibility=shared", "?visibility=shared", "admin")
    L("admin visibility=private", "?visibility=private", "admin")
    c("list with trailing slash", "GET", "/v2/images/", "member")


def s_patch(p):
    p.start("patch")
    c = p.call
    iid = p.mkimage("owner", "shared", members=["member", "member2"])
    path = "/v2/images/%s" % iid

    def P(label, ops, who="owner", ctype=PATCH_CT, raw=None):
        return c(label, "PATCH", path, who, body=raw if raw is not None else json.dumps(ops), ctype=ctype)

    P("replace /name", [{"op": "replace", "path": "/name", "value": "renamed"}])
    P("replace /visibility private (had 2 members)", [{"op": "replace", "path": "/visibility", "value": "private"}])
    c("list members while private (owner)", "GET", path + "/members", "owner")
    c("GET image while private, as member", "GET", path, "member")
    c("list images as member (ours private w/ member?)", "GET", "/v2/images?member_status=all", "member")
    P("replace /visibility shared again", [{"op": "replace", "path": "/visibility", "value": "shared"}])
    c("list members after back to shared", "GET", path + "/members", "owner")
    P("replace /visibility public non-admin", [{"op": "replace", "path": "/visibility", "value": "public"}])
    P("replace /visibility community non-admin", [{"op": "replace", "path": "/visibility", "value": "community"}])
    c("list members while community (owner)", "GET", path + "/members", "owner")
    P("replace /visibility shared", [{"op": "replace", "path": "/visibility", "value": "shared"}])
    P("replace /visibility bogus", [{"op": "replace", "path": "/visibility", "value": "bogus"}])
    P("replace /owner other (non-admin owner)", [{"op": "replace", "path": "/owner", "value": "other"}])
    P("replace /owner own (non-admin owner)",
      [{"op": "replace", "path": "/owner", "value": PERSONAS["owner"]["project"]}])
    P("add /foo", [{"op": "add", "path": "/foo", "value": "bar"}])
    P("add /foo number", [{"op": "add", "path": "/foo2", "value": 5}])
    P("remove /foo", [{"op": "remove", "path": "/foo"}])
    P("remove /foo again", [{"op": "remove", "path": "/foo"}])
    P("replace /nosuch", [{"op": "replace", "path": "/nosuch", "value": "x"}])
    P("bad op", [{"op": "frobnicate", "path": "/name", "value": "x"}])
    P("op move", [{"op": "move", "from": "/name", "path": "/foo"}])
    P("missing value", [{"op": "replace", "path": "/name"}])
    P("path without slash", [{"op": "replace", "path": "name", "value": "x"}])
    P("replace /id (read-only)", [{"op": "replace", "path": "/id", "value": "x"}])
    P("replace /status", [{"op": "replace", "path": "/status", "value": "active"}])
    P("empty list", [])
    P("object body", None, raw=json.dumps({"op": "replace", "path": "/name", "value": "x"}))
    P("malformed", None, raw="[{bad")
    P("wrong content-type application/json",
      [{"op": "replace", "path": "/name", "value": "x"}], ctype="application/json")
    P("wrong content-type text/plain", [{"op": "replace", "path": "/name", "value": "x"}], ctype="text/plain")
    P("no content-type", [{"op": "replace", "path": "/name", "value": "x"}], ctype="")
    P("json-patch v2.0 content-type", [{"op": "replace", "path": "/name", "value": "v20"}],
      ctype="application/openstack-images-v2.0-json-patch")
    P("content-type application/json-patch+json", [{"op": "replace", "path": "/name", "value": "x"}],
      ctype="application/json-patch+json")
    P("as member", [{"op": "replace", "path": "/name", "value": "m"}], who="member")
    P("as stranger", [{"op": "replace", "path": "/name", "value": "s"}], who="stranger")
    P("as admin: replace /owner other", [{"op": "replace", "path": "/owner", "value": "other-" + RUN}],
      who="admin")
    c("GET after admin owner change, as old owner", "GET", path, "owner")
    c("list members after owner change, as admin", "GET", path + "/members", "admin")
    c("list members after owner change, as old owner", "GET", path + "/members", "owner")
    c("PATCH unknown image", "PATCH", "/v2/images/00000000-0000-4000-8000-000000000000", "owner",
      body=json.dumps([{"op": "replace", "path": "/name", "value": "x"}]), ctype=PATCH_CT)
    iid2 = p.mkimage("owner", "shared", members=["member"])
    c("PATCH final body check", "PATCH", "/v2/images/%s" % iid2, "owner",
      body=json.dumps([{"op": "replace", "path": "/visibility", "value": "private"},
                       {"op": "replace", "path": "/name", "value": "final"}]), ctype=PATCH_CT)
    c("admin patch visibility public", "PATCH", "/v2/images/%s" % iid2, "admin",
      body=json.dumps([{"op": "replace", "path": "/visibility", "value": "public"}]), ctype=PATCH_CT)
    c("list members public image (had member)", "GET", "/v2/images/%s/members" % iid2, "owner")
    c("admin patch visibility shared", "PATCH", "/v2/images/%s" % iid2, "admin",
      body=json.dumps([{"op": "replace", "path": "/visibility", "value": "shared"}]), ctype=PATCH_CT)
    c("list members after public->shared", "GET", "/v2/images/%s/members" % iid2, "owner")


def s_delete(p):
    p.start("delete")
    c = p.call
    iid = p.mkimage("owner", "shared", members=["member"])
    path = "/v2/images/%s" % iid
    c("DELETE image as member", "DELETE", path, "member")
    c("DELETE image as stranger", "DELETE", path, "stranger")
    c("DELETE image as owner", "DELETE", path, "owner")
    c("DELETE again", "DELETE", path, "owner")
    c("GET deleted image", "GET", path, "owner")
    c("GET deleted image (admin)", "GET", path, "admin")
    for who in ("owner", "admin", "member"):
        c("list members deleted (%s)" % who, "GET", path + "/members", who)
        c("add member deleted (%s)" % who, "POST", path + "/members", who, json_body={"member": "z"})
        c("show member deleted (%s)" % who, "GET", path + "/members/" + PERSONAS["member"]["project"], who)
        c("update member deleted (%s)" % who, "PUT", path + "/members/" + PERSONAS["member"]["project"], who,
          json_body={"status": "accepted"})
        c("delete member deleted (%s)" % who, "DELETE", path + "/members/" + PERSONAS["member"]["project"], who)
    c("PATCH deleted", "PATCH", path, "owner",
      body=json.dumps([{"op": "replace", "path": "/name", "value": "x"}]), ctype=PATCH_CT)
    iid2 = p.mkimage("owner", "shared")
    c("DELETE as admin", "DELETE", "/v2/images/%s" % iid2, "admin")
    c("DELETE non-uuid", "DELETE", "/v2/images/abc", "owner")
    iid3 = p.mkimage("owner", "shared", protected=True)
    c("DELETE protected", "DELETE", "/v2/images/%s" % iid3, "owner")
    iid4 = p.mkimage("owner", "public" if False else "shared", members=["member"])
    c("list deleted-image listing check", "DELETE", "/v2/images/%s" % iid4, "owner")
    c("list images after delete (member, all)", "GET", "/v2/images?member_status=all", "member")


def s_roots(p):
    p.start("roots")
    c = p.call
    for path in ("/", "/versions", "/v2", "/v2/", "/v1", "/v1/", "/v3", "/v2.0", "/v2/images/",
                 "/healthcheck"):
        for who in (None, "owner"):
            r = c("%s %s" % (path, "with identity" if who else "no identity"), "GET", path, who)
            if who is None and r.status < 500:
                p.save(("root" + path.replace("/", "_")) + ".body", r.body)
    c("/versions with Host header", "GET", "/versions", None, headers={"Host": "glance.example:9999"})
    c("/versions with X-Forwarded-Proto https", "GET", "/versions", None,
      headers={"X-Forwarded-Proto": "https"})
    c("/versions POST", "POST", "/versions", None, json_body={})
    c("/ Accept application/vnd.openstack.images-v2+json", "GET", "/", "owner",
      accept="application/vnd.openstack.images-v2+json")
    c("/v2/images with Accept vnd v2.1", "GET", "/v2/images?limit=1", "owner",
      accept="application/vnd.openstack.images-v2.1+json")
    c("/v2.1/images", "GET", "/v2.1/images?limit=1", "owner")
    c("/v2.16/images", "GET", "/v2.16/images?limit=1", "owner")
    for s in ("image", "images", "member", "members", "metadefs/namespace", "bogus"):
        r = c("schema %s (auth)" % s, "GET", "/v2/schemas/%s" % s, "owner")
        if r.status == 200:
            p.save("schema-%s.json" % s.replace("/", "-"), r.body)
        c("schema %s (no identity)" % s, "GET", "/v2/schemas/%s" % s, None)
    c("schema image as admin", "GET", "/v2/schemas/image", "admin")
    c("schemas index", "GET", "/v2/schemas", "owner")


ACCEPTS = [None, "application/json", "text/html", "text/plain", "*/*", "application/xml",
           "application/json;q=0.5, text/html", "text/*"]


def s_errors(p):
    p.start("errors")
    c = p.call
    iid = p.mkimage("owner", "shared", members=["member"])
    missing = "00000000-0000-4000-8000-000000000000"
    for a in ACCEPTS:
        tag = "Accept=%r" % a
        c("404 image not found " + tag, "GET", "/v2/images/%s/members" % missing, "owner", accept=a)
        c("404 image not found (GET image) " + tag, "GET", "/v2/images/%s" % missing, "owner", accept=a)
        c("404 member not found " + tag, "GET", "/v2/images/%s/members/nobody" % iid, "owner", accept=a)
        c("400 malformed " + tag, "POST", "/v2/images/%s/members" % iid, "owner", body="{bad",
          ctype="application/json", accept=a)
        c("400 status " + tag, "PUT", "/v2/images/%s/members/%s" % (iid, PERSONAS["member"]["project"]),
          "member", json_body={"status": "bogus"}, accept=a)
        c("401 " + tag, "GET", "/v2/images/%s/members" % iid, None, accept=a)
        c("403 " + tag, "DELETE", "/v2/images/%s/members/%s" % (iid, PERSONAS["member"]["project"]),
          "member", accept=a)
        c("405 " + tag, "PUT", "/v2/images/%s/members" % iid, "owner", json_body={}, accept=a)
        c("unknown path " + tag, "GET", "/v2/nosuch", "owner", accept=a)
        c("409 " + tag, "POST", "/v2/images/%s/members" % iid, "owner",
          json_body={"member": PERSONAS["member"]["project"]}, accept=a)
    for m in ("PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"):
        c("%s on members collection" % m, m, "/v2/images/%s/members" % iid, "owner")
    for m in ("POST", "PATCH", "HEAD", "OPTIONS"):
        c("%s on member" % m, m, "/v2/images/%s/members/%s" % (iid, PERSONAS["member"]["project"]), "owner")
    for m in ("PUT", "DELETE"):
        c("%s on /v2/images" % m, m, "/v2/images", "owner")
    c("405 without identity", "PUT", "/v2/images/%s/members" % iid, None)
    c("unknown path without identity", "GET", "/v2/nosuch", None)
    c("unknown root path without identity", "GET", "/nosuch", None)
    c("unknown root path with identity", "GET", "/nosuch", "owner")
    c("/v2/images/{id}/members/a/b", "GET", "/v2/images/%s/members/a/b" % iid, "owner")
    c("/v2/images/{id}/nosuch", "GET", "/v2/images/%s/nosuch" % iid, "owner")
    c("request id echo (valid req-uuid)", "GET", "/v2/images/%s/members" % iid, "owner",
      headers={"X-Openstack-Request-Id": "req-12345678-1234-1234-1234-123456789abc"})
    c("request id echo (bogus value)", "GET", "/v2/images/%s/members" % iid, "owner",
      headers={"X-Openstack-Request-Id": "my-request-id"})
    c("request id echo on 404", "GET", "/v2/images/%s/members" % missing, "owner",
      headers={"X-Openstack-Request-Id": "req-12345678-1234-1234-1234-123456789abc"})
    c("request id echo on 401", "GET", "/v2/images/%s/members" % missing, None,
      headers={"X-Openstack-Request-Id": "req-12345678-1234-1234-1234-123456789abc"})
    c("lowercase header x-openstack-request-id", "GET", "/v2/images/%s/members" % iid, "owner",
      headers={"x-openstack-request-id": "req-aaaaaaaa-1234-1234-1234-123456789abc"})
    c("Connection: keep-alive request", "GET", "/v2/images/%s/members" % iid, "owner",
      headers={"Connection": "keep-alive"})
    c("HTTP/1.1 Connection: close request", "GET", "/v2/images/%s/members" % iid, "owner",
      headers={"Connection": "close"})
    c("CORS Origin header", "GET", "/v2/images/%s/members" % iid, "owner",
      headers={"Origin": "http://example.com"})


def s_errors413(p):
    p.start("errors413")
    c = p.call
    iid = p.mkimage("owner", "shared", members=["member", "member2"])
    for a in ACCEPTS:
        c("413 Accept=%r" % a, "POST", "/v2/images/%s/members" % iid, "owner",
          json_body={"member": "third"}, accept=a)
    c("413 duplicate (existing member) on full image", "POST", "/v2/images/%s/members" % iid, "owner",
      json_body={"member": PERSONAS["member"]["project"]})
    c("delete one then add", "DELETE", "/v2/images/%s/members/%s" % (iid, PERSONAS["member2"]["project"]),
      "owner")
    c("add after delete", "POST", "/v2/images/%s/members" % iid, "owner", json_body={"member": "third"})
    c("add 4th", "POST", "/v2/images/%s/members" % iid, "owner", json_body={"member": "fourth"})
    c("admin 413", "POST", "/v2/images/%s/members" % iid, "admin", json_body={"member": "fifth"})
    c("413 bad body first?", "POST", "/v2/images/%s/members" % iid, "owner", json_body={})
    c("413 as member (403 first?)", "POST", "/v2/images/%s/members" % iid, "member",
      json_body={"member": "x"})


def s_errors500(p):
    p.start("errors500")
    c = p.call
    iid = p.mkimage("owner", "shared")
    for a in ACCEPTS:
        c("500 256-char member Accept=%r" % a, "POST", "/v2/images/%s/members" % iid, "owner",
          json_body={"member": "m" * 256}, accept=a)
    c("list after 500s", "GET", "/v2/images/%s/members" % iid, "owner")


def s_memberids(p):
    p.start("memberids")
    c = p.call
    iid = p.mkimage("owner", "shared")
    base = "/v2/images/%s/members" % iid
    q = urllib.parse.quote

    def add(label, mid):
        return c("add %s" % label, "POST", base, "owner", json_body={"member": mid})

    def show(label, mid, raw=None):
        return c("show %s" % label, "GET", base + "/" + (raw if raw is not None else q(mid, safe="")), "owner")

    for label, mid in [("255 chars", "a" * 255), ("256 chars", "b" * 256), ("1000 chars", "c" * 1000),
                       ("unicode proj\u00e9", "proj\u00e9"), ("emoji", "\U0001F600"),
                       ("cjk", "\u9879\u76ee"), ("with spaces", "a b c"), ("slash a/b", "a/b"),
                       ("question mark a?b", "a?b"), ("percent a%b", "a%b"), ("hash a#b", "a#b"),
                       ("only spaces", "   "), ("leading space", " lead"), ("tab", "a\tb"),
                       ("newline", "a\nb"), ("dot", "."), ("dotdot", ".."),
                       ("uuid-like", "0123456789abcdef0123456789abcdef")]:
        r = add(label, mid)
        if r.status == 200:
            show(label, mid)
            if mid in ("a/b",):
                show("a/b raw slash", mid, raw="a/b")
                c("update a%2Fb (as owner -> 403 expected)", "PUT", base + "/a%2Fb", "owner",
                  json_body={"status": "accepted"})
                c("update a%2Fb as admin", "PUT", base + "/a%2Fb", "admin", json_body={"status": "accepted"})
                c("update a%2Fb as project a/b", "PUT", base + "/a%2Fb",
                  {"project": "a/b", "user": "u", "roles": "member"}, json_body={"status": "accepted"})
            if mid == "proj\u00e9":
                c("update proj\u00e9 as project proj\u00e9 (header utf-8?)", "PUT", base + "/" + q(mid),
                  "admin", json_body={"status": "accepted"})
    c("list after odd ids", "GET", base, "owner")
    # case and trailing spaces
    add("abc", "abc")
    add("ABC after abc", "ABC")
    add("'abc ' after abc", "abc ")
    add("' abc' after abc", " abc")
    show("ABC when abc stored", "ABC")
    show("'abc ' when abc stored", "abc ")
    show("'abc%20%20' when abc stored", "abc  ")
    c("update ABC as admin", "PUT", base + "/ABC", "admin", json_body={"status": "accepted"})
    c("update ABC as project abc", "PUT", base + "/ABC", {"project": "abc", "user": "u", "roles": "member"},
      json_body={"status": "rejected"})
    c("update abc as project ABC", "PUT", base + "/abc", {"project": "ABC", "user": "u", "roles": "member"},
      json_body={"status": "rejected"})
    c("GET image as project ABC (abc is member)", "GET", "/v2/images/%s" % iid,
      {"project": "ABC", "user": "u", "roles": "member"})
    c("list members as project ABC", "GET", base, {"project": "ABC", "user": "u", "roles": "member"})
    c("delete ABC (abc stored)", "DELETE", base + "/ABC", "owner")
    c("list after delete ABC", "GET", base, "owner")
    add("Xyz", "Xyz")
    add("xyz after Xyz", "xyz")
    c("delete 'Xyz%20' (Xyz stored)", "DELETE", base + "/Xyz%20", "owner")
    # empty / odd path segments
    c("show empty segment members/", "GET", base + "/", "owner")
    c("show members//x", "GET", base + "//x", "owner")
    c("PUT empty segment members/", "PUT", base + "/", "admin", json_body={"status": "accepted"})
    c("DELETE empty segment members/", "DELETE", base + "/", "owner")
    c("show %20", "GET", base + "/%20", "owner")
    c("show members/. ", "GET", base + "/.", "owner")
    c("list final", "GET", base, "owner")


def s_bodies(p):
    p.start("bodies")
    c = p.call
    iid = p.mkimage("owner", "shared", members=["member"])
    base = "/v2/images/%s/members" % iid
    mp = PERSONAS["member"]["project"]
    for label, raw in [("\"str\"", '"str"'), ("123", "123"), ("true", "true"), ("null", "null"),
                       ("{\"member\": 123}", '{"member": 123}'), ("{\"member\": 0}", '{"member": 0}'),
                       ("{\"member\": 1.5}", '{"member": 1.5}'),
                       ("{\"member\": [\"a\"]}", '{"member": ["a"]}'), ("{\"member\": []}", '{"member": []}'),
                       ("{\"member\": {\"a\":1}}", '{"member": {"a": 1}}'), ("{\"member\": {}}", '{"member": {}}'),
                       ("{\"member\": true}", '{"member": true}'), ("{\"member\": false}", '{"member": false}'),
                       ("[]", "[]"), ("[\"a\"]", '["a"]'), ("{}", "{}"), ("malformed", "{bad"),
                       ("empty string body", ""), ("whitespace body", "  "),
                       ("{\"member\": \"\"}", '{"member": ""}'), ("{\"member\": null}", '{"member": null}'),
                       ("{\"member\": \" \"}", '{"member": " "}'),
                       ("{\"member_id\": \"x\"}", '{"member_id": "x"}'),
                       ("member + extra", '{"member": "extra-%s", "status": "accepted", "foo": 1}' % RUN),
                       ("duplicate keys", '{"member": "dupa-%s", "member": "dupb-%s"}' % (RUN, RUN)),
                       ("NaN", '{"member": NaN}'), ("trailing garbage", '{"member": "tg"} x'),
                       ("BOM", '\ufeff{"member": "bom"}'), ("nested ok", '{"member": "nested", "x": {"y": [1]}}')]:
        c("POST %s" % label, "POST", base, "owner", body=raw, ctype="application/json")
    c("POST no body", "POST", base, "owner", ctype="application/json")
    c("POST no body no content-type", "POST", base, "owner")
    c("POST {} on unknown image", "POST", "/v2/images/00000000-0000-4000-8000-000000000000/members",
      "owner", json_body={})
    c("POST {} as stranger", "POST", base, "stranger", json_body={})
    c("POST {} as member", "POST", base, "member", json_body={})
    c("POST self as owner", "POST", base, "owner", json_body={"member": PERSONAS["owner"]["project"]})
    mpath = base + "/" + mp
    for label, raw in [("{\"status\":\"accepted\",\"member\":\"x\"}", '{"status": "accepted", "member": "x"}'),
                       ("{\"status\":null}", '{"status": null}'), ("{\"status\":1}", '{"status": 1}'),
                       ("{\"status\":\"\"}", '{"status": ""}'),
                       ("{\"status\":\"ACCEPTED\"}", '{"status": "ACCEPTED"}'),
                       ("{\"status\":\" accepted\"}", '{"status": " accepted"}'),
                       ("{\"status\":[\"accepted\"]}", '{"status": ["accepted"]}'),
                       ("{\"status\":true}", '{"status": true}'),
                       ("{}", "{}"), ("[]", "[]"), ("[{\"status\":\"accepted\"}]", '[{"status": "accepted"}]'),
                       ("\"str\"", '"str"'), ("123", "123"), ("null", "null"), ("true", "true"),
                       ("malformed", "{bad"), ("empty", ""),
                       ("{\"member_status\":\"accepted\"}", '{"member_status": "accepted"}'),
                       ("rejected", '{"status": "rejected"}'), ("pending", '{"status": "pending"}'),
                       ("accepted", '{"status": "accepted"}'), ("accepted again", '{"status": "accepted"}')]:
        c("PUT %s" % label, "PUT", mpath, "member", body=raw, ctype="application/json")
    c("PUT no body", "PUT", mpath, "member", ctype="application/json")
    c("PUT no body no content-type", "PUT", mpath, "member")
    c("PUT {} on unknown image", "PUT", "/v2/images/00000000-0000-4000-8000-000000000000/members/x",
      "member", json_body={})
    c("PUT bogus on unknown member", "PUT", base + "/nobody", "member", json_body={"status": "bogus"})
    c("PUT bogus by owner", "PUT", mpath, "owner", json_body={"status": "bogus"})
    c("PUT {} by owner", "PUT", mpath, "owner", json_body={})
    c("PUT {} by stranger", "PUT", mpath, "stranger", json_body={})
    c("DELETE with body", "DELETE", base + "/extra-" + RUN, "owner", json_body={"x": 1})
    c("GET members with body", "GET", base, "owner", json_body={"x": 1})
    c("list final", "GET", base, "owner")


def s_transport(p):
    p.start("transport")
    c = p.call
    iid = p.mkimage("owner", "shared")
    base = "/v2/images/%s/members" % iid
    for i, ct in enumerate(["text/plain", "application/x-www-form-urlencoded", "", "application/xml",
                            "application/json; charset=utf-8", PATCH_CT, "multipart/form-data",
                            "application/octet-stream"]):
        c("POST members Content-Type=%r" % ct, "POST", base, "owner",
          body=json.dumps({"member": "ct%d-%s" % (i, RUN)}), ctype=ct)
    c("POST members chunked", "POST", base, "owner",
      body=json.dumps({"member": "chunked-" + RUN}), ctype="application/json", chunked=True)
    c("POST members chunked malformed", "POST", base, "owner", body="{bad json", ctype="application/json",
      chunked=True)
    c("PUT member chunked", "PUT", base + "/chunked-" + RUN, "admin",
      body=json.dumps({"status": "accepted"}), ctype="application/json", chunked=True)
    c("POST images chunked", "POST", "/v2/images", "owner", body=json.dumps({"name": "ch"}),
      ctype="application/json", chunked=True)
    c("GET members with body", "GET", base, "owner", body='{"a": 1}', ctype="application/json")
    c("GET members with malformed body", "GET", base, "owner", body='{bad', ctype="application/json")
    c("DELETE member with malformed body", "DELETE", base + "/ct0-" + RUN, "owner", body='{bad',
      ctype="application/json")
    c("POST members Latin-1 body", "POST", base, "owner", body=b'{"member": "caf\xe9"}',
      ctype="application/json")
    c("POST members utf-8 escaped \\u00e9", "POST", base, "owner", body='{"member": "caf\\u00e9"}',
      ctype="application/json")
    c("POST members Content-Length mismatch? (none)", "POST", base, "owner",
      body=json.dumps({"member": "cl-" + RUN}), ctype="application/json")
    c("query string on members list", "GET", base + "?foo=bar&limit=1", "owner")
    c("list final", "GET", base, "owner")


def s_identity(p):
    p.start("identity")
    c = p.call
    iid = p.mkimage("owner", "shared", members=["member"])
    base = "/v2/images/%s/members" % iid
    o = PERSONAS["owner"]
    variants = [
        ("X-Roles empty", {"X-Roles": ""}),
        ("X-Roles missing", {"X-Roles": None}),
        ("X-Roles 'admin' only", {"X-Roles": "admin"}),
        ("X-Roles 'ADMIN'", {"X-Roles": "ADMIN"}),
        ("X-Roles 'reader'", {"X-Roles": "reader"}),
        ("X-Roles 'member, reader' (space)", {"X-Roles": "member, reader"}),
        ("X-Project-Id missing", {"X-Project-Id": None}),
        ("X-Project-Id empty", {"X-Project-Id": ""}),
        ("X-Tenant-Id instead of X-Project-Id", {"X-Project-Id": None, "X-Tenant-Id": o["project"]}),
        ("X-User-Id missing", {"X-User-Id": None}),
        ("X-Identity-Status lowercase confirmed", {"X-Identity-Status": "confirmed"}),
        ("X-Identity-Status Invalid", {"X-Identity-Status": "Invalid"}),
        ("X-Identity-Status missing", {"X-Identity-Status": None}),
        ("X-Auth-Token only, no identity", {"X-Identity-Status": None, "X-Auth-Token": "abc"}),
        ("X-Service-Catalog garbage", {"X-Service-Catalog": "not json"}),
    ]
    for label, h in variants:
        c("list members as owner, %s" % label, "GET", base, "owner", headers=h)
    for label, h in variants[:9]:
        c("create image, %s" % label, "POST", "/v2/images", "owner", headers=h, json_body={"name": "id"})
    c("admin role, project missing, list members", "GET", base, "admin", headers={"X-Project-Id": None})
    c("admin role, project missing, add member", "POST", base, "admin", headers={"X-Project-Id": None},
      json_body={"member": "byadmin-" + RUN})
    c("no roles, project missing: add member", "POST", base, "owner",
      headers={"X-Project-Id": None, "X-Roles": None}, json_body={"member": "x"})
    c("member with no roles: update own", "PUT", base + "/" + PERSONAS["member"]["project"], "member",
      headers={"X-Roles": ""}, json_body={"status": "accepted"})
    c("member with no roles: show own", "GET", base + "/" + PERSONAS["member"]["project"], "member",
      headers={"X-Roles": ""})
    c("owner no roles: add", "POST", base, "owner", headers={"X-Roles": ""}, json_body={"member": "nr-" + RUN})
    c("owner no roles: delete member", "DELETE", base + "/" + PERSONAS["member"]["project"], "owner",
      headers={"X-Roles": ""})


def s_extras(p):
    p.start("extras")
    c = p.call
    iid = p.mkimage("owner", "shared", members=["member"])
    base = "/v2/images/%s/members" % iid
    for rid in ["req-abc", "REQ-abc", "abc", "", "  spaced  ", "req-" + "x" * 300, "a,b",
                "req-12345678-1234-1234-1234-123456789abc req-2"]:
        c("request id %r" % rid, "GET", base, "owner", headers={"X-Openstack-Request-Id": rid})
    c("request id on POST member", "POST", base, "owner", json_body={"member": "rid-" + RUN},
      headers={"X-Openstack-Request-Id": "req-11111111-2222-3333-4444-555555555555"})
    c("request id on 405", "PUT", base, "owner", json_body={},
      headers={"X-Openstack-Request-Id": "req-11111111-2222-3333-4444-555555555555"})
    c("request id on unknown path", "GET", "/v2/nosuch", "owner",
      headers={"X-Openstack-Request-Id": "req-11111111-2222-3333-4444-555555555555"})
    c("request id on /versions", "GET", "/versions", "owner",
      headers={"X-Openstack-Request-Id": "req-11111111-2222-3333-4444-555555555555"})
    c("X-Compute-Request-Id only", "GET", base, "owner",
      headers={"X-Compute-Request-Id": "req-11111111-2222-3333-4444-555555555555"})
    # admin role spellings, as a stranger project on someone else's shared image
    for roles in ["ADMIN", "Admin", "member, admin", "member,admin ", "admin,", "reader,Admin", "admin_x"]:
        c("roles %r: list members of another project's shared image" % roles, "GET", base,
          dict(PERSONAS["stranger"], roles=roles))
    # owner as a member of its own image
    iid2 = p.mkimage("owner", "shared", members=["owner"])
    b2 = "/v2/images/%s/members/%s" % (iid2, PERSONAS["owner"]["project"])
    c("owner (also member) shows own membership", "GET", b2, "owner")
    c("owner (also member) updates own membership", "PUT", b2, "owner", json_body={"status": "accepted"})
    c("owner (also member) updates own membership bad status", "PUT", b2, "owner", json_body={"status": "x"})
    c("owner (also member) lists", "GET", "/v2/images/%s/members" % iid2, "owner")
    c("owner (also member) deletes own membership", "DELETE", b2, "owner")
    # reader-only / member-only roles
    c("owner with roles=reader adds member", "POST", base, dict(PERSONAS["owner"], roles="reader"),
      json_body={"member": "ro-" + RUN})
    c("owner with roles=reader deletes member", "DELETE", base + "/ro-" + RUN, dict(PERSONAS["owner"], roles="reader"))
    c("member with roles=reader updates own", "PUT", base + "/" + PERSONAS["member"]["project"],
      dict(PERSONAS["member"], roles="reader"), json_body={"status": "accepted"})
    c("member with roles=reader shows own", "GET", base + "/" + PERSONAS["member"]["project"],
      dict(PERSONAS["member"], roles="reader"))
    c("member with roles=reader lists", "GET", base, dict(PERSONAS["member"], roles="reader"))
    c("member with roles=member only updates own", "PUT", base + "/" + PERSONAS["member"]["project"],
      dict(PERSONAS["member"], roles="member"), json_body={"status": "pending"})
    c("owner roles=reader creates image", "POST", "/v2/images", dict(PERSONAS["owner"], roles="reader"),
      json_body={"name": "ro"})
    c("owner roles='' creates image", "POST", "/v2/images", dict(PERSONAS["owner"], roles=""),
      json_body={"name": "nr"})
    c("owner roles='' gets own image", "GET", "/v2/images/%s" % iid, dict(PERSONAS["owner"], roles=""))
    c("owner roles='' lists members", "GET", base, dict(PERSONAS["owner"], roles=""))
    c("owner roles='' lists images", "GET", "/v2/images?limit=1", dict(PERSONAS["owner"], roles=""))
    c("stranger roles='' gets public image list", "GET", "/v2/images?limit=1&visibility=public",
      dict(PERSONAS["stranger"], roles=""))
    # headers of 204s and odd 500s
    c("DELETE member headers", "DELETE", base + "/rid-" + RUN, "owner")
    iid3 = p.mkimage("owner", "shared")
    c("DELETE image headers", "DELETE", "/v2/images/%s" % iid3, "owner")
    c("multipart content-type POST member", "POST", base, "owner", body='{"member": "mp"}',
      ctype="multipart/form-data")
    c("multipart with boundary POST member", "POST", base, "owner", body='{"member": "mp2"}',
      ctype="multipart/form-data; boundary=xyz")
    c("form-urlencoded with json-looking body", "POST", base, "owner", body='member=formx',
      ctype="application/x-www-form-urlencoded")
    # extra property ordering
    c("create with several extra props", "POST", "/v2/images", "owner",
      json_body={"zeta": "1", "name": "x", "alpha": "2", "mid": "3", "visibility": "shared"})
    c("create without X-Project-Id (owner?)", "POST", "/v2/images", dict(PERSONAS["owner"], project=None),
      json_body={"name": "noproj"})
    # timestamps
    c("PUT member updated_at", "PUT", base + "/" + PERSONAS["member"]["project"], "member",
      json_body={"status": "rejected"})
    # HTTP/1.0-ish: HEAD/OPTIONS on images
    c("OPTIONS /v2/images", "OPTIONS", "/v2/images", "owner")
    c("HEAD /v2/images", "HEAD", "/v2/images", "owner")
    c("OPTIONS without identity", "OPTIONS", base, None)
    c("GET image via percent-encoded id", "GET", "/v2/images/" + "".join("%%%02X" % ord(ch) for ch in iid),
      "owner")
    c("members list via encoded 'members'", "GET", "/v2/images/%s/%s" % (iid, "%6Dembers"), "owner")
    # accents / collation
    c("add proj\u00e9", "POST", base, "owner", json_body={"member": "acc\u00e9-" + RUN})
    c("add proje after proj\u00e9", "POST", base, "owner", json_body={"member": "acce-" + RUN})
    c("add stra\u00dfe", "POST", base, "owner", json_body={"member": "stra\u00dfe-" + RUN})
    c("add strase after stra\u00dfe", "POST", base, "owner", json_body={"member": "strase-" + RUN})
    c("list", "GET", base, "owner")


def s_rbac(p):
    """Role-dependent cases; compare a legacy run with a secure-RBAC run."""
    p.start("rbac")
    c = p.call
    P = PERSONAS
    iid = p.mkimage("owner", "shared", members=["member", "member2"])
    b = "/v2/images/%s/members" % iid
    mp = P["member"]["project"]

    def ro(who, roles):
        return dict(P[who], roles=roles)
    c("reader-only owner deletes existing member", "DELETE", b + "/" + P["member2"]["project"], ro("owner", "reader"))
    c("reader-only owner lists", "GET", b, ro("owner", "reader"))
    c("reader-only owner shows member", "GET", b + "/" + mp, ro("owner", "reader"))
    c("member-only owner adds", "POST", b, ro("owner", "member"), json_body={"member": "mo-" + RUN})
    c("member-only owner lists", "GET", b, ro("owner", "member"))
    pub = p.mkimage("admin", "public")
    c("reader-only stranger create on public", "POST", "/v2/images/%s/members" % pub, ro("stranger", "reader"),
      json_body={"member": "x"})
    c("noroles owner gets own image", "GET", "/v2/images/%s" % iid, ro("owner", ""))
    c("noroles member gets image", "GET", "/v2/images/%s" % iid, ro("member", ""))
    c("noroles member shows own", "GET", b + "/" + mp, ro("member", ""))
    c("noroles owner lists", "GET", b, ro("owner", ""))
    c("admin-only role adds", "POST", b, ro("admin", "admin"), json_body={"member": "ao-" + RUN})
    c("admin-only role lists", "GET", b, ro("admin", "admin"))
    c("member2 deletes member entry", "DELETE", b + "/" + mp, "member2")
    c("member2 shows member entry", "GET", b + "/" + mp, "member2")
    c("member2 updates member entry", "PUT", b + "/" + mp, "member2", json_body={"status": "accepted"})
    c("member2 creates", "POST", b, "member2", json_body={"member": "x"})
    c("stranger deletes member entry", "DELETE", b + "/" + mp, "stranger")
    c("stranger creates", "POST", b, "stranger", json_body={"member": "x"})
    c("member deletes own entry", "DELETE", b + "/" + mp, "member")
    c("noroles member updates own", "PUT", b + "/" + mp, ro("member", ""), json_body={"status": "accepted"})
    c("noroles owner adds", "POST", b, ro("owner", ""), json_body={"member": "nr-" + RUN})
    c("noroles owner deletes", "DELETE", b + "/" + mp, ro("owner", ""))


SECTIONS = {
    "rbac": s_rbac,
    "extras": s_extras,
    "images": s_images, "list": s_list, "patch": s_patch, "delete": s_delete, "roots": s_roots,
    "errors": s_errors, "errors413": s_errors413, "errors500": s_errors500, "memberids": s_memberids,
    "bodies": s_bodies, "transport": s_transport, "identity": s_identity,
}
DEFAULT = ["roots", "images", "list", "patch", "delete", "errors", "memberids", "bodies",
           "transport", "identity", "extras", "rbac"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:9393")
    ap.add_argument("--out", default="/tmp/oracle/raw")
    ap.add_argument("--name", default=None, help="prefix of the output files (default: port)")
    ap.add_argument("sections", nargs="*")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    name = a.name or urllib.parse.urlsplit(a.url).port
    p = Prober(a.url, a.out, str(name))
    for s in a.sections or DEFAULT:
        t = time.time()
        SECTIONS[s](p)
        print("%s: %s done in %.1fs" % (name, s, time.time() - t), file=sys.stderr)
    p.close()
    with open(os.path.join(a.out, "%s-notes.txt" % name), "a") as f:
        f.write("\n".join(p.summary) + "\n")


if __name__ == "__main__":
    main()
