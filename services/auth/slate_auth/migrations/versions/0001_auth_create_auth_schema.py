"""create auth schema

Revision ID: 0001_auth
Revises: 
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001_auth'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():

    op.create_table('departments',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('color', sa.String(length=7), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name'),
    schema='auth'
    )
    op.create_table('organisations',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('hours_by_day', sa.Float(), nullable=False),
    sa.Column('has_avatar', sa.Boolean(), nullable=True),
    sa.Column('use_original_file_name', sa.Boolean(), nullable=True),
    sa.Column('timesheets_locked', sa.Boolean(), nullable=True),
    sa.Column('format_duration_in_hours', sa.Boolean(), nullable=True),
    sa.Column('hd_by_default', sa.Boolean(), nullable=True),
    sa.Column('chat_token_slack', sa.String(length=80), nullable=True),
    sa.Column('chat_webhook_mattermost', sa.String(length=80), nullable=True),
    sa.Column('chat_token_discord', sa.String(length=80), nullable=True),
    sa.Column('dark_theme_by_default', sa.Boolean(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='auth'
    )
    op.create_table('reset_tokens',
    sa.Column('email', sa.String(length=255), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('email'),
    schema='auth'
    )
    op.create_table('revoked_tokens',
    sa.Column('jti', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('jti'),
    schema='auth'
    )
    op.create_index(op.f('ix_auth_revoked_tokens_expires_at'), 'revoked_tokens', ['expires_at'], unique=False, schema='auth')
    op.create_table('studios',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('color', sa.String(length=7), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name'),
    schema='auth'
    )
    op.create_table('persons',
    sa.Column('first_name', sa.String(length=80), nullable=False),
    sa.Column('last_name', sa.String(length=80), nullable=False),
    sa.Column('email', sa.String(length=255), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('contract_type', sa.String(length=30), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=True),
    sa.Column('last_presence', sa.Date(), nullable=True),
    sa.Column('desktop_login', sa.String(length=80), nullable=True),
    sa.Column('login_failed_attemps', sa.Integer(), nullable=True),
    sa.Column('last_login_failed', sa.DateTime(), nullable=True),
    sa.Column('totp_enabled', sa.Boolean(), nullable=True),
    sa.Column('email_otp_enabled', sa.Boolean(), nullable=True),
    sa.Column('fido_enabled', sa.Boolean(), nullable=True),
    sa.Column('preferred_two_factor_authentication', sa.String(length=30), nullable=True),
    sa.Column('shotgun_id', sa.Integer(), nullable=True),
    sa.Column('timezone', sa.String(length=50), nullable=True),
    sa.Column('locale', sa.String(length=10), nullable=True),
    sa.Column('use_12_hour_clock', sa.Boolean(), nullable=True),
    sa.Column('display_date_format', sa.String(length=20), nullable=True),
    sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('position', sa.String(length=30), nullable=True),
    sa.Column('seniority', sa.String(length=30), nullable=True),
    sa.Column('daily_salary', sa.Integer(), nullable=True),
    sa.Column('has_avatar', sa.Boolean(), nullable=True),
    sa.Column('notifications_enabled', sa.Boolean(), nullable=True),
    sa.Column('notifications_slack_enabled', sa.Boolean(), nullable=True),
    sa.Column('notifications_slack_userid', sa.String(length=60), nullable=True),
    sa.Column('notifications_mattermost_enabled', sa.Boolean(), nullable=True),
    sa.Column('notifications_mattermost_userid', sa.String(length=60), nullable=True),
    sa.Column('notifications_discord_enabled', sa.Boolean(), nullable=True),
    sa.Column('notifications_discord_userid', sa.String(length=60), nullable=True),
    sa.Column('is_bot', sa.Boolean(), nullable=False),
    sa.Column('is_guest', sa.Boolean(), nullable=False),
    sa.Column('preview_project_id', sa.UUID(), nullable=True),
    sa.Column('preview_opened_at', sa.DateTime(), nullable=True),
    sa.Column('preview_open_until', sa.DateTime(), nullable=True),
    sa.Column('expiration_date', sa.Date(), nullable=True),
    sa.Column('is_generated_from_ldap', sa.Boolean(), nullable=True),
    sa.Column('ldap_uid', sa.String(length=60), nullable=True),
    sa.Column('studio_id', sa.UUID(), nullable=True),
    sa.Column('password', sa.LargeBinary(length=60), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['studio_id'], ['auth.studios.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('email'),
    sa.UniqueConstraint('ldap_uid'),
    sa.UniqueConstraint('shotgun_id'),
    schema='auth'
    )
    op.create_table('login_logs',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.Column('ip_address', sa.String(length=45), nullable=True),
    sa.Column('origin', sa.String(length=30), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['auth.persons.id'], ),
    sa.PrimaryKeyConstraint('id'),
    schema='auth'
    )
    op.create_index(op.f('ix_auth_login_logs_created_at'), 'login_logs', ['created_at'], unique=False, schema='auth')
    op.create_index(op.f('ix_auth_login_logs_person_id'), 'login_logs', ['person_id'], unique=False, schema='auth')
    op.create_table('person_departments',
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.Column('department_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['auth.departments.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['auth.persons.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('person_id', 'department_id'),
    schema='auth'
    )



def downgrade():

    op.drop_table('person_departments', schema='auth')
    op.drop_index(op.f('ix_auth_login_logs_person_id'), table_name='login_logs', schema='auth')
    op.drop_index(op.f('ix_auth_login_logs_created_at'), table_name='login_logs', schema='auth')
    op.drop_table('login_logs', schema='auth')
    op.drop_table('persons', schema='auth')
    op.drop_table('studios', schema='auth')
    op.drop_index(op.f('ix_auth_revoked_tokens_expires_at'), table_name='revoked_tokens', schema='auth')
    op.drop_table('revoked_tokens', schema='auth')
    op.drop_table('reset_tokens', schema='auth')
    op.drop_table('organisations', schema='auth')
    op.drop_table('departments', schema='auth')

