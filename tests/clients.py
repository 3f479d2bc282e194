"""Real clients against a running `geokg serve`: SPARQLWrapper as notebooks use it (its default,
SPARQL XML results by GET, and JSON), and rdflib reading a CONSTRUCT result.

usage: python3 tests/clients.py http://127.0.0.1:PORT
Prints one line per check and exits non-zero on the first failure.
"""
import sys

import rdflib
from SPARQLWrapper import JSON, SPARQLWrapper

base = sys.argv[1]
endpoint = base + "/sparql"
query = """PREFIX gk: <https://w3id.org/geokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?visitor WHERE { ?v gk:visits <https://w3id.org/geokg/entity/russia> ; rdfs:label ?visitor }"""

# SPARQLWrapper with its default settings: GET, SPARQL XML results.
w = SPARQLWrapper(endpoint)
w.setQuery(query)
doc = w.query().convert()  # an xml.dom.minidom document
values = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
assert "Wang Yi" in values, values
print("SPARQLWrapper default (XML, GET): ok", values)

# SPARQLWrapper asking for JSON.
w = SPARQLWrapper(endpoint)
w.setQuery(query)
w.setReturnFormat(JSON)
res = w.query().convert()
values = [b["visitor"]["value"] for b in res["results"]["bindings"]]
assert "Wang Yi" in values, values
print("SPARQLWrapper JSON: ok", values)

# rdflib reading a CONSTRUCT result (Turtle).
w = SPARQLWrapper(endpoint)
w.setQuery("""PREFIX gk: <https://w3id.org/geokg/ontology#>
CONSTRUCT { ?s gk:visits ?o } WHERE { ?s gk:visits ?o }""")
w.setMethod("POST")
w.addCustomHttpHeader("Accept", "text/turtle")
raw = w.query().response.read()
g = rdflib.Graph()
g.parse(data=raw, format="turtle")
assert len(g) >= 1, raw
assert (rdflib.URIRef("https://w3id.org/geokg/entity/wang-yi"), rdflib.URIRef("https://w3id.org/geokg/ontology#visits"), rdflib.URIRef("https://w3id.org/geokg/entity/russia")) in g
print("rdflib CONSTRUCT: ok", len(g), "triples")
