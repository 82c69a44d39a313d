-- Each archived paper's embedding, computed once: the archive's paper pages list the nearest papers by the cosine of
-- these vectors. text_hash names the text it was computed from (title and abstract), so a changed abstract is
-- embedded again; model names the embedding model (all-MiniLM-L6-v2: 384 dimensions).
CREATE TABLE paper_vectors (
    arxiv_id     VARCHAR(40)  NOT NULL,
    model        VARCHAR(100) NOT NULL,
    text_hash    VARCHAR(64)  NOT NULL,
    vector       BYTEA        NOT NULL,          -- float32 values, big-endian
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (arxiv_id, model)
);
