"""Packs the two placeholder packages (see README.md in this folder) into ../placeholders/*.nupkg."""
import pathlib, zipfile

HERE = pathlib.Path(__file__).parent
CONTENT_TYPES = ('<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="nuspec" ContentType="application/octet" /><Default Extension="_" ContentType="application/octet" /></Types>')
for spec in sorted(HERE.glob("src/*/*.nuspec")):
    text = spec.read_text(encoding="utf-8")
    pid = text.split("<id>")[1].split("</id>")[0]
    ver = text.split("<version>")[1].split("</version>")[0]
    out = HERE / f"{pid.lower()}.{ver}.nupkg"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in ((spec.name, text), ("lib/netstandard2.0/_._", ""), ("[Content_Types].xml", CONTENT_TYPES)):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            z.writestr(info, data)
    print(out.name)
