"""A tiny but valid GGUF file for tests of model handling (no real weights needed)."""

import numpy as np
from gguf import GGUFWriter


def tiny_gguf(path, arch="llama"):
    writer = GGUFWriter(str(path), arch)
    writer.add_block_count(1)
    writer.add_context_length(128)
    writer.add_embedding_length(8)
    writer.add_head_count(1)
    writer.add_tensor("tok_embd.weight", np.zeros((4, 8), dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
