#!/usr/bin/env python3
"""Builds maritime's offline basemap (assets/maritime/land.geojson) from world-atlas' TopoJSON.

Input: land-50m.json from the npm package world-atlas 2.0.2 (ISC licence; Natural Earth data,
public domain). Output: GeoJSON polygons of land in East and South-East Asia and the western
Pacific (polygons whose bounding box meets the region), coordinates rounded to 0.001 degree.
Usage: coastline.py land-50m.json > land.geojson
"""
import json
import sys

REGION = (95.0, -12.0, 160.0, 50.0)  # lon min, lat min, lon max, lat max


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 3), round(y * sy + ty, 3)))
        arcs.append(points)
    return arcs


def ring(indexes, arcs):
    out = []
    for i in indexes:
        points = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(points if not out else points[1:])
    return [list(p) for p in out]


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def meets_region(rings):
    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    return not (max(xs) < REGION[0] or min(xs) > REGION[2] or max(ys) < REGION[1] or min(ys) > REGION[3])


def main(path):
    topo = json.load(open(path))
    arcs = decode_arcs(topo)
    features = []
    for g in topo["objects"]["land"]["geometries"]:
        for poly in polygons(g):
            rings = [ring(r, arcs) for r in poly]
            if meets_region(rings):
                features.append({"type": "Feature", "properties": {},
                                 "geometry": {"type": "Polygon", "coordinates": rings}})
    json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
