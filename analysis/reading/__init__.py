"""Reading: the files of a corpus folder into Article records (decoding, furniture, digest, metadata)."""
