# One image for web, worker and beat (docker-compose.yml).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 LOTSE_INSTANCE=/var/lib/lotse
WORKDIR /app
COPY pyproject.toml README.md gunicorn.conf.py ./
COPY saas ./saas
COPY tenants ./tenants
COPY workers ./workers
COPY migrations ./migrations
RUN pip install --no-cache-dir . && useradd --system --home /var/lib/lotse lotse && mkdir -p /var/lib/lotse \
    && chown lotse /var/lib/lotse
USER lotse
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "--forwarded-allow-ips", "*", "saas:create_app()"]
