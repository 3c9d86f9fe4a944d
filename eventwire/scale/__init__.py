"""Scale-out: ``eventwire ingest --dask``, chunks of inputs coded on a Dask cluster (docs/scale.md).

Workers write each chunk's rows as Parquet; the client loads them into the store, the
store's one writer. ``distributed`` is imported only where a cluster is used, so that this
package (and ``eventwire ingest`` without ``--dask``) works without Dask installed.
"""

from eventwire.scale.chunks import Chunk, plan_chunks
from eventwire.scale.cluster import parse_address
from eventwire.scale.run import ScaleReport, default_parts, run_dask

__all__ = ["Chunk", "ScaleReport", "default_parts", "parse_address", "plan_chunks", "run_dask"]
