<#
.SYNOPSIS
    Installs or removes the GSO Hit Service coordinator as a Windows service.

.DESCRIPTION
    Install copies the published coordinator into the install folder, creates the service under a
    dedicated low-privilege account, grants that account read access to the install folder, the
    matching-key file and the TLS private keys, and write access to the data, datakey and audit
    folders only. It sets recovery options (restart after a failure), registers the Event Log
    source and starts the service. The coordinator refuses to start when a setting is wrong, its
    store cannot be opened or its start-up self-test fails; the script then shows the service's
    last Event Log entries.

    Keep Coordinator:Store:DataFolder, Coordinator:Store:DataKeyFile and Coordinator:AuditLogPath
    in appsettings.json under the data, datakey and audit folders (as the sample does), because
    the service account may write nowhere else.

    Uninstall stops and deletes the service. The install folder with the database, the data key
    and the audit log is kept unless -RemoveFiles is given, because the audit log is evidence that
    must be kept and the database holds the GSO records.

    Accounts:
      VirtualAccount  NT SERVICE\<service name>, managed by Windows, no password (default).
      LocalUser       a local user made for the service, with a random password that nobody sees.
      Gmsa            a group managed service account from Active Directory (DOMAIN\name$), which
                      the domain administrator has installed on this server (Install-ADServiceAccount).

.PARAMETER Action
    Install or Uninstall.

.PARAMETER SourceFolder
    Folder with the published coordinator (dotnet publish output) and its appsettings.json. Install only.

.PARAMETER InstallFolder
    Where the coordinator is installed. Default: %ProgramFiles%\GSO Hit Service\Coordinator.

.PARAMETER AccountType
    VirtualAccount (default), LocalUser or Gmsa.

.PARAMETER GmsaName
    The group managed service account, DOMAIN\name$. Required with -AccountType Gmsa.

.PARAMETER CertificateThumbprint
    Thumbprint of the server certificate in LocalMachine\My, when the coordinator uses the
    certificate store (Server:Certificate:StoreThumbprint). The service account gets read access to
    its private key. Leave empty when the certificate and key are files in the install folder.

.PARAMETER ClientCertificateThumbprint
    Thumbprint of the client certificate towards the agents in LocalMachine\My, when
    AgentClient:Certificate:StoreThumbprint is used. The service account gets read access to its
    private key. Leave empty when the certificate and key are files in the install folder.

.PARAMETER RemoveFiles
    Uninstall only: also delete the install folder, including the database, the data key and the audit log.

.EXAMPLE
    .\Install-GsoCoordinator.ps1 -Action Install -SourceFolder C:\Temp\gso-coordinator

.EXAMPLE
    .\Install-GsoCoordinator.ps1 -Action Install -SourceFolder D:\gso-coordinator -AccountType Gmsa -GmsaName 'GEMEENTE\gso-coord$' -CertificateThumbprint 3F2A... -ClientCertificateThumbprint 9B41...

.EXAMPLE
    .\Install-GsoCoordinator.ps1 -Action Uninstall
#>
# The #Requires lines follow the help block, because Get-Help ignores help that comes after them.
#Requires -Version 5.1
#Requires -RunAsAdministrator
# NOTE: Not run in the project's test environment, which has no Windows. Try it on a test server
# first and report any step that fails.
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [Parameter(Mandatory = $true)]
    [ValidateSet('Install', 'Uninstall')]
    [string] $Action,

    [string] $SourceFolder,

    [string] $InstallFolder,

    [ValidateSet('VirtualAccount', 'LocalUser', 'Gmsa')]
    [string] $AccountType = 'VirtualAccount',

    [string] $GmsaName,

    [string] $CertificateThumbprint,

    [string] $ClientCertificateThumbprint,

    [switch] $RemoveFiles
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# The service name is also the Event Log source the coordinator logs under (CoordinatorHostExtensions.ServiceName).
$EventLogSource = 'GsoHitServiceCoordinator'
$ServiceName = 'GsoHitServiceCoordinator'
$ExecutableName = 'GsoHitService.Coordinator.exe'
# Local user names are at most 20 characters.
$LocalUserName = 'gso-coordinator'
$WritableFolders = @('data', 'datakey', 'audit')

if (-not $InstallFolder) {
    $InstallFolder = Join-Path $env:ProgramFiles 'GSO Hit Service\Coordinator'
}

function Invoke-Sc {
    param([string[]] $Arguments)
    $output = & sc.exe @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) {
        throw "sc.exe $($Arguments -join ' ') failed with exit code ${LASTEXITCODE}: $output"
    }
}

function Invoke-Icacls {
    param([string] $Path, [string[]] $Arguments)
    $output = & icacls.exe $Path @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) {
        throw "icacls $Path $($Arguments -join ' ') failed with exit code ${LASTEXITCODE}: $output"
    }
}

function New-RandomPassword {
    # 32 random bytes as Base64: nobody needs to know it, Windows only needs it to start the service.
    $bytes = New-Object byte[] 32
    [System.Security.Cryptography.RandomNumberGenerator]::Create().GetBytes($bytes)
    return [Convert]::ToBase64String($bytes) + 'aA1!'
}

function Grant-ServiceLogonRight {
    param([string] $AccountName)

    # Local security policy through secedit: export, add the account's SID to
    # SeServiceLogonRight, import. Virtual accounts and gMSAs get the right from the SCM.
    $sid = (New-Object System.Security.Principal.NTAccount($AccountName)).Translate([System.Security.Principal.SecurityIdentifier]).Value
    $work = Join-Path $env:TEMP "gso-coordinator-secedit-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $work | Out-Null
    try {
        $exported = Join-Path $work 'export.inf'
        & secedit.exe /export /cfg $exported /areas USER_RIGHTS | Out-Null
        $line = Get-Content $exported | Where-Object { $_ -like 'SeServiceLogonRight*' }
        if ($line -and $line -match "\*$sid(,|$)") {
            return
        }

        $current = if ($line) { ($line -split '=', 2)[1].Trim() } else { '' }
        $value = if ($current) { "$current,*$sid" } else { "*$sid" }
        $template = Join-Path $work 'import.inf'
        @(
            '[Unicode]', 'Unicode=yes',
            '[Version]', 'signature="$CHICAGO$"', 'Revision=1',
            '[Privilege Rights]', "SeServiceLogonRight = $value"
        ) | Set-Content -Path $template -Encoding Unicode
        & secedit.exe /configure /db (Join-Path $work 'secedit.sdb') /cfg $template /areas USER_RIGHTS | Out-Null
        if ($LASTEXITCODE -ne 0) {
            throw "Granting 'Log on as a service' to $AccountName failed (secedit exit code $LASTEXITCODE)."
        }
    }
    finally {
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    }
}

function Set-ServiceAccount {
    param([string] $AccountName, [string] $Password)

    # Through WMI rather than sc.exe, so that a password never appears on a command line.
    $service = Get-CimInstance -ClassName Win32_Service -Filter "Name='$ServiceName'"
    $result = Invoke-CimMethod -InputObject $service -MethodName Change -Arguments @{ StartName = $AccountName; StartPassword = $Password }
    if ($result.ReturnValue -ne 0) {
        throw "Setting the account of $ServiceName to $AccountName failed (Win32_Service.Change returned $($result.ReturnValue))."
    }
}

function Get-PrivateKeyFile {
    param([string] $Thumbprint)

    $normalized = ($Thumbprint -replace '[\s:]', '').ToUpperInvariant()
    $certificate = Get-ChildItem Cert:\LocalMachine\My | Where-Object { $_.Thumbprint -eq $normalized }
    if (-not $certificate) {
        throw "No certificate with thumbprint $normalized in LocalMachine\My. Import the coordinator's certificate with its private key first."
    }

    if (-not $certificate.HasPrivateKey) {
        throw "The certificate $normalized in LocalMachine\My has no private key. Import it from a PFX file with its key."
    }

    # CNG keys (RSA or ECDSA) live under Crypto\Keys; older CSP keys under Crypto\RSA\MachineKeys.
    $key = [System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($certificate)
    if (-not $key) {
        $key = [System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions]::GetECDsaPrivateKey($certificate)
    }

    $uniqueName = if ($key -is [System.Security.Cryptography.RSACng] -or $key -is [System.Security.Cryptography.ECDsaCng]) {
        $key.Key.UniqueName
    }
    else {
        $key.CspKeyContainerInfo.UniqueKeyContainerName
    }

    foreach ($folder in @("$env:ProgramData\Microsoft\Crypto\Keys", "$env:ProgramData\Microsoft\Crypto\RSA\MachineKeys")) {
        $path = Join-Path $folder $uniqueName
        if (Test-Path $path) {
            return $path
        }
    }

    throw "The private key file of certificate $normalized ($uniqueName) was not found under $env:ProgramData\Microsoft\Crypto."
}

function Install-Coordinator {
    if (-not $SourceFolder -or -not (Test-Path (Join-Path $SourceFolder $ExecutableName))) {
        throw "-SourceFolder must be the folder with the published coordinator ($ExecutableName)."
    }

    if (-not (Test-Path (Join-Path $SourceFolder 'appsettings.json'))) {
        throw "$SourceFolder has no appsettings.json. Copy deploy\samples\coordinator\appsettings.json and fill it in."
    }

    if ($AccountType -eq 'Gmsa' -and -not $GmsaName) {
        throw "-AccountType Gmsa needs -GmsaName, for example 'GEMEENTE\gso-coord$'."
    }

    if (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) {
        throw "The service $ServiceName exists already. Run with -Action Uninstall first, or stop it and copy the new files yourself."
    }

    if ($PSCmdlet.ShouldProcess($InstallFolder, 'Copy the coordinator')) {
        New-Item -ItemType Directory -Force -Path $InstallFolder | Out-Null
        Copy-Item -Path (Join-Path $SourceFolder '*') -Destination $InstallFolder -Recurse -Force
        foreach ($folder in $WritableFolders) {
            New-Item -ItemType Directory -Force -Path (Join-Path $InstallFolder $folder) | Out-Null
        }
    }

    $executable = Join-Path $InstallFolder $ExecutableName
    if ($PSCmdlet.ShouldProcess($ServiceName, 'Create the service')) {
        New-Service -Name $ServiceName `
            -BinaryPathName "`"$executable`"" `
            -DisplayName 'GSO Hit Service coordinator' `
            -Description 'Keeps GSO signals and decisions and asks the department agents hit queries.' `
            -StartupType Automatic | Out-Null
    }

    switch ($AccountType) {
        'VirtualAccount' {
            $account = "NT SERVICE\$ServiceName"
            Set-ServiceAccount -AccountName $account -Password ''
        }
        'LocalUser' {
            $account = "$env:COMPUTERNAME\$LocalUserName"
            $plain = New-RandomPassword
            $password = ConvertTo-SecureString $plain -AsPlainText -Force
            if (-not (Get-LocalUser -Name $LocalUserName -ErrorAction SilentlyContinue)) {
                New-LocalUser -Name $LocalUserName -Password $password -PasswordNeverExpires -UserMayNotChangePassword `
                    -AccountNeverExpires -Description 'Service account of the GSO Hit Service coordinator' | Out-Null
            }
            else {
                Set-LocalUser -Name $LocalUserName -Password $password
            }

            Grant-ServiceLogonRight -AccountName $account
            Set-ServiceAccount -AccountName $account -Password $plain
            $plain = $null
        }
        'Gmsa' {
            # A gMSA has no password to give; the SCM fetches it from Active Directory.
            $account = $GmsaName
            Set-ServiceAccount -AccountName $account -Password ''
        }
    }

    # Start after the network and the other automatic services, and restart after a failure:
    # twice after one minute, then after five minutes; the failure count resets after one day.
    Invoke-Sc @('config', $ServiceName, 'start=', 'delayed-auto')
    Invoke-Sc @('failure', $ServiceName, 'reset=', '86400', 'actions=', 'restart/60000/restart/60000/restart/300000')
    # Also count a stop with a non-zero exit code (a failed start) as a failure.
    Invoke-Sc @('failureflag', $ServiceName, '1')

    # Read and execute on the install folder, modify on the data, datakey and audit folders only.
    # Inheritance is cut on the install folder so that Users and other accounts keep no access to
    # keys or the database.
    Invoke-Icacls -Path $InstallFolder -Arguments @('/inheritance:r', '/grant:r', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', "${account}:(OI)(CI)RX")
    foreach ($folder in $WritableFolders) {
        Invoke-Icacls -Path (Join-Path $InstallFolder $folder) -Arguments @('/grant:r', "${account}:(OI)(CI)M")
    }

    foreach ($thumbprint in @($CertificateThumbprint, $ClientCertificateThumbprint) | Where-Object { $_ }) {
        $keyFile = Get-PrivateKeyFile -Thumbprint $thumbprint
        Invoke-Icacls -Path $keyFile -Arguments @('/grant', "${account}:R")
    }

    # The service account cannot create an Event Log source itself; without one, start-up errors
    # would be lost.
    if (-not [System.Diagnostics.EventLog]::SourceExists($EventLogSource)) {
        [System.Diagnostics.EventLog]::CreateEventSource($EventLogSource, 'Application')
    }

    if ($PSCmdlet.ShouldProcess($ServiceName, 'Start the service')) {
        Start-Service -Name $ServiceName
        # The coordinator stops within seconds when a setting is wrong, the store cannot be opened
        # or the self-test fails.
        Start-Sleep -Seconds 10
        $service = Get-Service -Name $ServiceName
        if ($service.Status -ne 'Running') {
            Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = $EventLogSource } -MaxEvents 5 -ErrorAction SilentlyContinue |
                Format-List TimeCreated, LevelDisplayName, Message
            throw "The service $ServiceName is $($service.Status) instead of Running. The Event Log entries above say why."
        }
    }

    Write-Host "The coordinator runs as $ServiceName under $account from $InstallFolder."
    Write-Host "Back up the data-key file in $(Join-Path $InstallFolder 'datakey') apart from the database."
}

function Uninstall-Coordinator {
    $service = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
    if ($service) {
        if ($service.Status -ne 'Stopped' -and $PSCmdlet.ShouldProcess($ServiceName, 'Stop the service')) {
            Stop-Service -Name $ServiceName -Force
            $service.WaitForStatus('Stopped', [TimeSpan]::FromSeconds(60))
        }

        if ($PSCmdlet.ShouldProcess($ServiceName, 'Delete the service')) {
            Invoke-Sc @('delete', $ServiceName)
        }
    }
    else {
        Write-Warning "No service named $ServiceName."
    }

    if (Get-LocalUser -Name $LocalUserName -ErrorAction SilentlyContinue) {
        if ($PSCmdlet.ShouldProcess($LocalUserName, 'Remove the local service account')) {
            Remove-LocalUser -Name $LocalUserName
        }
    }

    if ($RemoveFiles) {
        if ((Test-Path $InstallFolder) -and $PSCmdlet.ShouldProcess($InstallFolder, 'Delete the install folder with the database, the data key and the audit log')) {
            Remove-Item -Recurse -Force $InstallFolder
        }
    }
    elseif (Test-Path $InstallFolder) {
        Write-Host "Kept $InstallFolder with the database, the data key and the audit log. Archive them, then delete the folder with -RemoveFiles."
    }
}

switch ($Action) {
    'Install' { Install-Coordinator }
    'Uninstall' { Uninstall-Coordinator }
}
