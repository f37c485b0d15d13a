"""The file of a document's copy: accepted types, every bad input, and metadata stripping.

Every file is made here, in code: JPEG and PNG with Pillow, PDF with pypdf or by hand.
"""

from __future__ import annotations

import hashlib
import io
import struct
import warnings
import zlib
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image, ImageCms, ImageFile, PngImagePlugin
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from engine.documents import MAX_BYTES, CheckedFile, DocumentFileError, check_file, pdf_safety
from engine.documents import strip_metadata as strip
from engine.errors import UserError

# Making files ------------------------------------------------------------------------


def picture(size: tuple[int, int] = (64, 48)) -> Image.Image:
    """A deterministic picture with detail in it (so JPEG data is not trivial)."""
    gradient = Image.radial_gradient("L").resize(size)
    return Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                               gradient.transpose(Image.Transpose.FLIP_TOP_BOTTOM)))


def saved(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def gps_exif(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 7"
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (8.0, 58.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (79.0, 31.0, 12.0)
    return exif


SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def phone_jpeg(orientation: int | None = None) -> bytes:
    """A JPEG as a phone writes it: EXIF with GPS, XMP, a comment and an ICC profile."""
    return saved(picture(), "JPEG", exif=gps_exif(orientation), icc_profile=SRGB,
                 comment=b"taken at the border post", xmp=b"<x:xmpmeta>GPS 8.97,-79.52</x:xmpmeta>")


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_metadata() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Officer Name")
    info.add_text("Location", "Paso Canoas " * 20, zip=True)
    info.add_itxt("Comment", "nombre del migrante", lang="es")
    info.add(b"tIME", struct.pack(">HBBBBB", 2026, 5, 4, 10, 30, 0))
    return saved(picture(), "PNG", pnginfo=info, exif=gps_exif())


def huge_png(width: int, height: int) -> bytes:
    """A valid 1-bit PNG of ``width`` x ``height``: all zeros, so it compresses to a few KB."""
    compressor = zlib.compressobj(9)
    row = bytes(1 + (width + 7) // 8)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data)
            + png_chunk(b"IEND", b""))


def written(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def blank_pdf(pages: int = 1) -> PdfWriter:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    return writer


def name(text: str) -> NameObject:
    return NameObject(text)


def pdf_with_open_action(action: dict[str, object]) -> bytes:
    writer = blank_pdf()
    entries = {name(key): value for key, value in action.items()}
    writer.root_object[name("/OpenAction")] = writer._add_object(DictionaryObject(entries))
    return written(writer)


def pdf_with_javascript() -> bytes:
    return pdf_with_open_action({"/S": name("/JavaScript"),
                                 "/JS": TextStringObject("app.alert('hello');")})


def pdf_with_launch_action() -> bytes:
    return pdf_with_open_action({"/S": name("/Launch"), "/F": TextStringObject("cmd.exe")})


def pdf_with_attachment() -> bytes:
    writer = blank_pdf()
    writer.add_attachment("notes.txt", b"anything at all")
    return written(writer)


def pdf_with_javascript_on_a_link() -> bytes:
    """JavaScript in a link annotation's action, several objects deep."""
    writer = blank_pdf()
    action = DictionaryObject({name("/S"): name("/JavaScript"),
                               name("/JS"): TextStringObject("this.print();")})
    link = DictionaryObject({name("/Type"): name("/Annot"), name("/Subtype"): name("/Link"),
                             name("/Rect"): ArrayObject([]),
                             name("/A"): writer._add_object(action)})
    writer.pages[0][name("/Annots")] = ArrayObject([writer._add_object(link)])
    return written(writer)


def encrypted_pdf(user_password: str) -> bytes:
    writer = blank_pdf()
    writer.encrypt(user_password, owner_password=user_password + "-owner", algorithm="RC4-128")
    return written(writer)


def handmade_pdf(*objects: bytes) -> bytes:
    """A PDF whose numbered objects are given as they are written, with a correct xref."""
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return body


PAGES = (b"<< /Type /Catalog /Pages 2 0 R >>",
         b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>")


def refused(data: bytes, file_name: str, **limits: int) -> DocumentFileError:
    with pytest.raises(DocumentFileError) as caught:
        check_file(data, file_name, **limits)
    error = caught.value
    assert isinstance(error, UserError)
    assert "\n" not in str(error) and "Traceback" not in str(error)
    assert (file_name or "the file") in str(error)
    return error


# Good files --------------------------------------------------------------------------


@pytest.mark.parametrize(("make", "file_name", "media_type"), [
    (lambda: saved(picture(), "JPEG"), "passport.jpg", "image/jpeg"),
    (lambda: saved(picture(), "PNG"), "passport.png", "image/png"),
    (lambda: saved(picture().convert("L"), "JPEG", progressive=True), "p.jpeg", "image/jpeg"),
    (lambda: saved(picture().convert("CMYK"), "JPEG"), "cmyk.jpg", "image/jpeg"),
    (lambda: saved(picture().convert("P"), "PNG"), "palette.png", "image/png"),
])
def test_good_images_are_accepted_with_their_size_and_hash(
        make: Callable[[], bytes], file_name: str, media_type: str) -> None:
    data = make()
    checked = check_file(data, file_name)
    assert checked == CheckedFile(name=file_name, media_type=media_type, size=len(data),
                                  sha256=hashlib.sha256(data).hexdigest(), width=64,
                                  height=48, pages=None, notes=())


def test_a_good_pdf_is_accepted_with_its_pages() -> None:
    data = written(blank_pdf(pages=3))
    checked = check_file(data, "scan.pdf")
    assert (checked.media_type, checked.pages, checked.width, checked.height) == (
        "application/pdf", 3, None, None)
    assert checked.extension == ".pdf" and checked.notes == ()
    assert checked.sha256 == hashlib.sha256(data).hexdigest()


def test_a_handmade_pdf_of_pages_only_is_accepted() -> None:
    assert check_file(handmade_pdf(*PAGES), "hand.pdf").pages == 1


def test_a_png_renamed_pdf_is_accepted_as_a_png_with_a_note() -> None:
    checked = check_file(saved(picture(), "PNG"), "passport.pdf")
    assert checked.media_type == "image/png" and checked.extension == ".png"
    assert len(checked.notes) == 1
    assert "passport.pdf is a PNG image" in checked.notes[0] and "'.pdf'" in checked.notes[0]


@pytest.mark.parametrize("file_name", ["PHOTO.JPG", "photo.jfif", "photo", ""])
def test_a_fitting_or_missing_extension_earns_no_note(file_name: str) -> None:
    assert check_file(saved(picture(), "JPEG"), file_name).notes == ()


# Refused files -----------------------------------------------------------------------


def test_a_zero_byte_file_is_refused() -> None:
    error = refused(b"", "empty.jpg")
    assert error.code == "NATID-E048" and "empty (0 bytes)" in str(error)


def test_a_file_without_a_name_is_called_the_file() -> None:
    assert str(refused(b"", "")).startswith("the file is empty")


@pytest.mark.parametrize(("data", "said"), [
    (saved(picture(), "GIF"), "a GIF image"),
    (b"PK\x03\x04\x14\x00\x00\x00" + bytes(40), "a ZIP archive"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "a HEIC photo"),
    (saved(picture(), "WEBP") if Image.registered_extensions().get(".webp") else b"RIFF\x00\x00"
     b"\x00\x00WEBPVP8 ", "a WebP image"),
    (saved(picture(), "TIFF"), "a TIFF image"),
    (saved(picture(), "BMP"), "a BMP image"),
    (b"<html><body>passport</body></html>", "a text file"),
    (b"\x13\x37" + bytes(100), "of a kind natid does not know"),
])
def test_other_kinds_of_file_are_refused_as_unsupported(data: bytes, said: str) -> None:
    error = refused(data, "document.jpg")
    assert error.code == "NATID-E046"
    assert said in str(error) and "JPEG or PNG image or a PDF" in str(error)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read() -> None:
    error = refused(b"\xff\xd8\xff" + bytes(MAX_BYTES), "huge.jpg")
    assert error.code == "NATID-E047"
    assert "10.0 MB" in str(error) and "huge.jpg is 10.0 MB" in str(error)


def test_the_size_limit_is_a_keyword() -> None:
    data = saved(picture(), "PNG")
    assert refused(data, "a.png", max_bytes=len(data) - 1).code == "NATID-E047"
    assert check_file(data, "a.png", max_bytes=len(data)).size == len(data)


@pytest.fixture(scope="module")
def hundred_megapixels() -> bytes:
    return huge_png(10_000, 10_000)


def test_a_100_megapixel_image_is_refused_from_its_header_without_decoding(
        hundred_megapixels: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[str] = []

    def spy(name: str) -> Callable[..., object]:
        def call(*_: object, **__: object) -> object:
            decoded.append(name)
            raise AssertionError(f"{name} was called")
        return call

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy("load"))
    monkeypatch.setattr(PngImagePlugin.PngImageFile, "verify", spy("verify"))
    assert len(hundred_megapixels) < 20_000  # small on disk, 100 million pixels inside
    error = refused(hundred_megapixels, "bomb.png")
    assert error.code == "NATID-E047"
    assert "10000 x 10000 = 100,000,000 pixels" in str(error) and "40,000,000" in str(error)
    assert decoded == []
    # The spies do see decoding when it happens: a permitted image is decoded.
    refused(hundred_megapixels, "bomb.png", max_pixels=10**8)
    assert decoded == ["verify"]


def test_the_pixel_limit_is_a_keyword(hundred_megapixels: bytes) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        checked = check_file(hundred_megapixels, "big.png", max_pixels=100_000_000)
    assert (checked.width, checked.height) == (10_000, 10_000)
    assert not [w for w in caught if issubclass(w.category, Image.DecompressionBombWarning)]
    assert refused(saved(picture(), "PNG"), "small.png", max_pixels=64 * 48 - 1).code == (
        "NATID-E047")


def test_pillows_own_bomb_error_becomes_natids_message() -> None:
    # Past twice Pillow's limit Image.open itself refuses; natid says so in its own words.
    error = refused(huge_png(20_000, 20_000), "giant.png", max_pixels=10**10)
    assert error.code == "NATID-E047" and "pixels" in str(error)


def test_a_truncated_jpeg_is_refused() -> None:
    data = saved(picture((640, 480)), "JPEG", quality=95)
    for cut in (len(data) // 2, len(data) - 2, 300):
        error = refused(data[:cut], "cut.jpg")
        assert error.code == "NATID-E048" and "cut.jpg is damaged or cut short" in str(error)


def test_a_truncated_png_is_refused() -> None:
    data = saved(picture((640, 480)), "PNG")
    assert refused(data[:len(data) // 2], "cut.png").code == "NATID-E048"


def test_a_corrupt_png_is_refused() -> None:
    data = bytearray(saved(picture((640, 480)), "PNG"))
    start = data.index(b"IDAT") + 40
    data[start:start + 20] = bytes(20)
    assert refused(bytes(data), "corrupt.png").code == "NATID-E048"


def test_a_png_whose_header_says_zero_pixels_is_refused() -> None:
    data = huge_png(1, 1).replace(png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 1, 0, 0, 0, 0)),
                                  png_chunk(b"IHDR", struct.pack(">IIBBBBB", 0, 1, 1, 0, 0, 0, 0)))
    assert refused(data, "zero.png").code == "NATID-E048"


@pytest.mark.parametrize(("make", "said"), [
    (pdf_with_javascript, "JavaScript"),
    (pdf_with_javascript_on_a_link, "JavaScript"),
    (pdf_with_launch_action, "an action that starts a program"),
    (pdf_with_attachment, "an attached file"),
])
def test_a_pdf_with_active_content_is_refused(make: Callable[[], bytes], said: str) -> None:
    error = refused(make(), "scan.pdf")
    assert error.code == "NATID-E049" and f"scan.pdf holds {said}" in str(error)


def test_names_written_with_escapes_are_found() -> None:
    catalog = b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Java#53cript /J#53 (x) >> >>"
    assert refused(handmade_pdf(catalog, *PAGES[1:]), "escaped.pdf").code == "NATID-E049"


def test_the_walk_finds_javascript_without_the_byte_scan(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_safety, "raw_findings", lambda _data: set())
    assert pdf_safety.inspect_pdf(pdf_with_javascript_on_a_link()).active == ("JavaScript",)


def test_the_byte_scan_finds_javascript_nothing_refers_to() -> None:
    orphan = b"<< /S /JavaScript /JS (app.alert(1)) >>"
    data = handmade_pdf(*PAGES, orphan)
    assert pdf_safety.inspect_pdf(data).active == ("JavaScript",)
    assert refused(data, "orphan.pdf").code == "NATID-E049"


@pytest.mark.parametrize("user_password", ["secret", ""])
def test_an_encrypted_pdf_is_refused(user_password: str) -> None:
    error = refused(encrypted_pdf(user_password), "locked.pdf")
    assert error.code == "NATID-E049" and "password" in str(error)


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", written(blank_pdf())[:300],
    handmade_pdf(b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"),
])
def test_a_broken_pdf_is_refused_as_damaged(data: bytes) -> None:
    error = refused(data, "broken.pdf")
    assert error.code == "NATID-E048" and "broken.pdf is damaged" in str(error)


def test_a_hostile_name_stays_on_one_line() -> None:
    with pytest.raises(DocumentFileError) as caught:
        check_file(b"", "evil\nname\x1b[31m.jpg")
    assert str(caught.value) == "evil?name?[31m.jpg is empty (0 bytes)"


MAGIC = [b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"%PDF-1.4\n", b""]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(MAGIC), st.binary(max_size=400))
def test_any_bytes_end_in_a_checked_file_or_natids_own_error(magic: bytes, rest: bytes) -> None:
    try:
        checked = check_file(magic + rest, "fuzz.bin")
    except DocumentFileError as error:
        assert error.code in {"NATID-E046", "NATID-E047", "NATID-E048", "NATID-E049"}
        assert "\n" not in str(error)
    else:
        assert checked.media_type in {"image/jpeg", "image/png", "application/pdf"}


# Stripping metadata ------------------------------------------------------------------


def jpeg_segments(data: bytes) -> list[bytes]:
    """The segments of a JPEG up to its first start-of-scan, each with its marker."""
    segments, position = [], 2
    while data[position + 1] != 0xDA:
        length = int.from_bytes(data[position + 2:position + 4], "big")
        segments.append(data[position:position + 2 + length])
        position += 2 + length
    return segments


def pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.tobytes()


def test_stripping_a_jpeg_removes_exif_gps_xmp_and_comments() -> None:
    original = phone_jpeg()
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the GPS is really there
        assert {"exif", "xmp", "comment", "icc_profile"} <= set(image.info)
    copy = strip(original, "image/jpeg")
    with Image.open(io.BytesIO(copy)) as image:
        assert not image.getexif()
        assert "exif" not in image.info and "xmp" not in image.info
        assert "comment" not in image.info
        assert image.info["icc_profile"] == SRGB
    assert b"Exif" not in copy and b"xmpmeta" not in copy and b"border post" not in copy
    assert pixels(copy) == pixels(original)


def test_stripping_a_jpeg_keeps_every_other_segment_and_the_image_data_byte_for_byte() -> None:
    original = phone_jpeg()
    copy = strip(original, "image/jpeg")
    dropped = {0xE1, 0xED, 0xFE}
    assert jpeg_segments(copy) == [s for s in jpeg_segments(original) if s[1] not in dropped]
    assert jpeg_segments(copy)[0][4:9] == b"JFIF\x00"
    scan = original.index(b"\xff\xda")
    assert copy.endswith(original[scan:])


def test_stripping_is_idempotent() -> None:
    for data, media_type in ((phone_jpeg(), "image/jpeg"), (phone_jpeg(6), "image/jpeg"),
                             (png_with_metadata(), "image/png")):
        once = strip(data, media_type)
        assert strip(once, media_type) == once
        assert check_file(once, "copy").media_type == media_type


def test_a_turned_photo_keeps_only_its_orientation() -> None:
    copy = strip(phone_jpeg(orientation=6), "image/jpeg")
    with Image.open(io.BytesIO(copy)) as image:
        assert dict(image.getexif()) == {ExifTags.Base.Orientation: 6}
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert b"PhoneMaker" not in copy
    assert pixels(copy) == pixels(phone_jpeg(orientation=6))


def test_extra_pictures_after_the_image_are_dropped() -> None:
    buffer = io.BytesIO()
    picture().save(buffer, "MPO", save_all=True, append_images=[picture((16, 12))],
                   exif=gps_exif())
    original = buffer.getvalue()
    copy = strip(original, "image/jpeg")
    assert b"MPF\x00" not in copy and copy.count(b"\xff\xd8") == 1 and b"Exif" not in copy
    assert copy.endswith(b"\xff\xd9")
    with Image.open(io.BytesIO(copy)) as image:
        assert image.format == "JPEG" and image.size == (64, 48)
    assert pixels(copy) == pixels(original)


def test_stripping_a_png_removes_its_text_time_and_exif_chunks() -> None:
    original = png_with_metadata()
    with Image.open(io.BytesIO(original)) as image:
        assert image.info.get("Author") == "Officer Name"
    copy = strip(original, "image/png")
    for kind in (b"tEXt", b"zTXt", b"iTXt", b"tIME", b"eXIf"):
        assert kind in original and kind not in copy
    with Image.open(io.BytesIO(copy)) as image:
        assert image.info == {} and not image.getexif()
    assert pixels(copy) == pixels(original)
    assert copy.endswith(png_chunk(b"IEND", b""))


def test_bytes_after_the_end_of_an_image_are_dropped() -> None:
    for data, media_type in ((saved(picture(), "JPEG"), "image/jpeg"),
                             (saved(picture(), "PNG"), "image/png")):
        assert strip(data + b"hidden GPS 8.97,-79.52", media_type) == data


def test_a_pdf_is_returned_as_it_is() -> None:
    data = written(blank_pdf())
    assert strip(data, "application/pdf") is data


def test_stripping_an_unknown_type_or_a_damaged_image_is_natids_error() -> None:
    with pytest.raises(DocumentFileError) as unknown:
        strip(b"GIF89a", "image/gif")
    assert unknown.value.code == "NATID-E046"
    for data, media_type in ((b"\xff\xd8\xff\xe1\xff\xff", "image/jpeg"),
                             (saved(picture(), "PNG")[:40], "image/png"),
                             (b"not a png", "image/png")):
        with pytest.raises(DocumentFileError) as damaged:
            strip(data, media_type)
        assert damaged.value.code == "NATID-E048"
