#!/usr/bin/env python3
"""Writes fixtures/portal/: small activity photos that carry what a phone camera puts in
them (EXIF with GPS coordinates, the camera, the time; XMP; a comment), for the portal
export's tests. Needs Pillow. The files are committed; rerun only to change them."""
from pathlib import Path

from PIL import Image, ImageDraw
from PIL.PngImagePlugin import PngInfo

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "portal"


def picture():
    img = Image.new("RGB", (64, 48), (200, 40, 40))
    d = ImageDraw.Draw(img)
    d.rectangle([8, 8, 40, 30], fill=(250, 250, 250))
    d.line([0, 47, 63, 0], fill=(20, 60, 160), width=3)
    return img


def exif():
    e = Image.Exif()
    e[0x010F] = "Apple"  # Make
    e[0x0110] = "iPhone 12"  # Model
    e[0x0112] = 6  # Orientation: rotate 90° CW to display
    e[0x0132] = "2023:04:20 10:12:33"  # DateTime
    gps = {
        1: "N",
        2: (27.0, 3.0, 41.52),  # 洞口县
        3: "E",
        4: (110.0, 34.0, 33.6),
        5: 0,
        6: 312.0,
    }
    e[0x8825] = gps
    return e


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    img = picture()
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="27,3.692N" '
        b'exif:GPSLongitude="110,34.56E"/></rdf:RDF></x:xmpmeta>'
    )
    img.save(OUT / "gps-photo.jpg", "JPEG", quality=80, exif=exif(), xmp=xmp, comment=b"Tel 13912345678")
    info = PngInfo()
    info.add_itxt("Comment", "联系电话 13912345678")
    img.save(OUT / "gps-photo.png", "PNG", exif=exif(), pnginfo=info)


if __name__ == "__main__":
    main()
